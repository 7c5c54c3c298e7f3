package io.github.biaannotations.ngff;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

/** The schema check used by the other tests really rejects bad metadata (a check that cannot fail proves nothing). */
class NgffSchemasTest {

	@Test
	void labelsWithoutColoursAndImagesWithoutNameAreRejected() throws Exception {
		final ObjectMapper m = new ObjectMapper();
		final ObjectNode label = (ObjectNode) m.readTree(
			"{\"ome\":{\"version\":\"0.5\",\"image-label\":{\"properties\":[{\"label-value\":1}]}}}");
		assertFalse(NgffSchemas.validate(NgffVersion.V0_5, "strict_label", label).isEmpty());
		final ObjectNode image = (ObjectNode) m.readTree("{\"ome\":{\"version\":\"0.5\",\"multiscales\":[{"
			+ "\"axes\":[{\"name\":\"y\",\"type\":\"space\"},{\"name\":\"x\",\"type\":\"space\"}],"
			+ "\"datasets\":[{\"path\":\"0\",\"coordinateTransformations\":[{\"type\":\"scale\",\"scale\":[1,1]}]}]}]}}");
		assertFalse(NgffSchemas.validate(NgffVersion.V0_5, "strict_image", image).isEmpty());
		final ObjectNode v04 = (ObjectNode) m.readTree("{\"image-label\":{\"colors\":[{\"label-value\":1}]}}");
		assertFalse(NgffSchemas.validate(NgffVersion.V0_4, "strict_label", v04).isEmpty(), "0.4 needs version");
	}
}
