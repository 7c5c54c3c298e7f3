package io.github.biaannotations.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.biaannotations.submission.Manifest;

/**
 * One image's export kept between batch runs: a folder of annotation files and their file-level rows, written
 * by {@link io.github.biaannotations.export.PackageExport#exportFiles}, plus {@value #RECORD} saying which
 * inputs it was made from. A rerun whose inputs have the same fingerprint reuses it instead of exporting again.
 */
final class BatchPart {

	static final String RECORD = "batch-part.json";

	final Path dir;
	final String fingerprint;
	long rois;
	long annotations;
	long warnings;
	/** True when made by an earlier run and reused. */
	boolean reused;

	BatchPart(final Path dir, final String fingerprint) {
		this.dir = dir;
		this.fingerprint = fingerprint;
	}

	/**
	 * The fingerprint of an item's export: names, sizes and modification times of its inputs (as rsync and make
	 * judge change, without reading whole images) and the export options.
	 *
	 * @param options what else decides the part's content (formats, label options), as text
	 */
	static String fingerprint(final BatchItem item, final String options) throws IOException {
		final StringBuilder sb = new StringBuilder("v1\n");
		for (final Path p : item.inputs())
			sb.append(p.getFileName()).append('\t').append(Files.size(p)).append('\t')
				.append(Files.getLastModifiedTime(p).toMillis()).append('\n');
		sb.append(options);
		return Manifest.sha256(sb.toString());
	}

	/** The part in {@code dir} when its record matches {@code fingerprint}; null when absent or stale. */
	static BatchPart reusable(final Path dir, final String fingerprint) {
		final Path record = dir.resolve(RECORD);
		if (!Files.isRegularFile(record)) return null;
		try {
			final JsonNode n = new ObjectMapper().readTree(record.toFile());
			if (!fingerprint.equals(n.path("fingerprint").asText())) return null;
			final BatchPart p = new BatchPart(dir, fingerprint);
			p.rois = n.path("rois").asLong();
			p.annotations = n.path("annotations").asLong();
			p.warnings = n.path("warnings").asLong();
			p.reused = true;
			return p;
		}
		catch (final IOException e) {
			return null; // an unreadable record: export again
		}
	}

	/** Written last, so that a part without a record is never reused. */
	void writeRecord(final List<Path> inputs) throws IOException {
		final ObjectMapper json = new ObjectMapper();
		final ObjectNode n = json.createObjectNode();
		n.put("fingerprint", fingerprint);
		n.put("rois", rois);
		n.put("annotations", annotations);
		n.put("warnings", warnings);
		final com.fasterxml.jackson.databind.node.ArrayNode a = n.putArray("inputs");
		for (final Path p : inputs)
			a.add(p.toString());
		json.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(RECORD).toFile(), n);
	}
}
