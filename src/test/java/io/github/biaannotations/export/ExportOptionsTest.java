package io.github.biaannotations.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.biaannotations.formats.AnnotationFormats;
import io.github.biaannotations.labels.LabelMode;
import io.github.biaannotations.model.OptionException;
import io.github.biaannotations.ngff.NgffVersion;
import io.github.biaannotations.zarr.Compression;

/** Each export option parsed and checked in one place, its message naming the option as the front end does. */
class ExportOptionsTest {

	/** The message of the option's refusal, which names the option in its field too. */
	private static String refused(final Runnable r) {
		final OptionException e = assertThrows(OptionException.class, r::run);
		assertTrue(e.field().isPresent() && e.getMessage().startsWith(e.field().get()), e.getMessage());
		return e.getMessage();
	}

	@Test
	void textIsParsedOnceForEveryFrontEnd() {
		final ExportOptions o = ExportOptions.builder().format("coco").format("CSV").format("geojson")
			.labelsFromRois("Semantic").ngffVersion("0.4").compression("blosc:lz4:5").releaseDate(" 2031-02-03 ").build();
		assertEquals(List.of(AnnotationFormats.COCO, AnnotationFormats.POINTS_CSV), o.formats(), "GeoJSON is always written");
		assertEquals(LabelMode.SEMANTIC, o.labelsFromRois());
		assertEquals(NgffVersion.V0_4, o.ngffVersion());
		assertEquals(Compression.parse("blosc:lz4:5").toString(), o.compression().toString());
		assertEquals(LocalDate.of(2031, 2, 3), o.releaseDate());
		assertNull(ExportOptions.builder().labelsFromRois("none").build().labelsFromRois(), "Fiji's choice 'none'");
	}

	@Test
	void badValuesNameTheOptionAsTheUserGaveIt() {
		assertEquals("--release-date 'next spring' is not a date of the form YYYY-MM-DD", refused(() -> ExportOptions
			.builder().releaseDate("next spring")));
		assertEquals("release_date 'next spring' is not a date of the form YYYY-MM-DD", refused(() -> ExportOptions
			.builder(OptionSyntax.MACRO).releaseDate("next spring")));
		assertEquals("labels_from_rois 'semantik': expected instance or semantic (or none)", refused(() -> ExportOptions
			.builder(OptionSyntax.MACRO).labelsFromRois("semantik")));
		assertTrue(refused(() -> ExportOptions.builder().ngffVersion("0.6")).startsWith("--zarr-version '0.6': "));
		assertTrue(refused(() -> ExportOptions.builder(OptionSyntax.MACRO).compression("zstd:99")).startsWith(
			"compression: bad codec \"zstd:99\": zstd level must be 1-22"));
		assertEquals("--format 'tiff': expected geojson, coco or csv", refused(() -> ExportOptions.builder().format(
			"tiff")));
	}

	@Test
	void optionsThatDoNotGoTogetherAreRefusedBeforeAnythingIsWritten() {
		assertEquals("shard 2: sharding needs OME-NGFF 0.5 (Zarr v3), not zarr_version 0.4", refused(() -> ExportOptions
			.builder(OptionSyntax.MACRO).shardFactor(2).ngffVersion(NgffVersion.V0_4).build()));
		assertTrue(refused(() -> ExportOptions.builder().shardFactor(-1).build()).startsWith("--shard -1: "));
		assertEquals(2, ExportOptions.builder().shardFactor(2).build().zarrOptions().shardFactor());
	}

	@Test
	void theFilesFingerprintFollowsEveryOptionThatChangesTheFiles() {
		final String plain = ExportOptions.defaults().filesFingerprint();
		assertEquals(plain, ExportOptions.builder().draft(true).overwrite(true).releaseDate(LocalDate.of(2031, 1, 1))
			.build().filesFingerprint(), "study options do not change an image's files");
		for (final ExportOptions o : new ExportOptions[] { ExportOptions.builder().includeImage(true).build(),
			ExportOptions.builder().compression("none").build(), ExportOptions.builder().shardFactor(2).build(),
			ExportOptions.builder().format("coco").build(), ExportOptions.builder().roisFromLabels(true).build(),
			ExportOptions.builder().labelsFromRois("instance").build(), ExportOptions.builder().ngffVersion("0.4")
				.build() })
			assertNotEquals(plain, o.filesFingerprint());
		assertEquals(plain, ExportOptions.defaults().toBuilder().build().filesFingerprint());
	}
}
