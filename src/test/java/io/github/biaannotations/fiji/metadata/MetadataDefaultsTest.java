package io.github.biaannotations.fiji.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.github.biaannotations.metadata.MifaMetadata;

class MetadataDefaultsTest {

	@Test
	void image_title_and_source_fill_empty_fields_only() {
		final MifaMetadata m = MetadataDefaults.fromImage(new MifaMetadata(), "nuclei2d.ome.tif",
			"/data/nuclei2d.ome.tif");
		assertEquals("Annotations of nuclei2d", m.study().title());
		assertEquals("Objects annotated in /data/nuclei2d.ome.tif", m.annotations().coverage());
		final MifaMetadata kept = new MifaMetadata();
		kept.study().title("My study");
		MetadataDefaults.fromImage(kept, "other.tif", null);
		assertEquals("My study", kept.study().title());
		assertEquals(null, kept.annotations().coverage(), "an unsaved image has no source file");
	}
}
