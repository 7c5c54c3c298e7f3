package io.github.biaannotations.archive.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads PageTab TSV (the page-tab-specification's tab-separated form) into PageTab JSON, so that the local
 * archive takes {@code Submission_Type: text/plain} submissions as the real server does. Blocks are separated
 * by empty lines: {@code Submission}, sections ({@code Type AccNo [ParentAccNo]}; the first is the root),
 * {@code File}/{@code Link} (attached to the last section), {@code Files}/{@code Links} tables and section
 * tables ({@code Type[ParentAccNo]}). Attribute lines are {@code Name Value}; {@code <Name>} marks a reference,
 * {@code (Name)} a name qualifier and {@code [Name]} a value qualifier of the attribute above.
 */
final class PageTabTsv {

	private final ObjectMapper json;
	private final List<String> errors = new ArrayList<>();
	private final Map<String, ObjectNode> sectionsByAccNo = new HashMap<>();
	private ObjectNode submission;
	private ObjectNode root;
	private ObjectNode current;

	PageTabTsv(final ObjectMapper json) {
		this.json = json;
	}

	/**
	 * Converts a TSV submission.
	 *
	 * @throws ApiError 400 "TSV parse errors" with one subnode per problem (naming the line)
	 */
	ObjectNode parse(final String text) throws ApiError {
		final List<List<String[]>> blocks = new ArrayList<>();
		final List<Integer> firstLines = new ArrayList<>();
		List<String[]> block = null;
		final String[] lines = text.split("\r?\n", -1);
		for (int i = 0; i < lines.length; i++) {
			final String line = lines[i];
			if (line.startsWith("#")) continue;
			final String[] cells = line.split("\t", -1);
			if (isEmpty(cells)) {
				block = null;
				continue;
			}
			if (block == null) {
				block = new ArrayList<>();
				blocks.add(block);
				firstLines.add(i + 1);
			}
			block.add(cells);
		}
		for (int b = 0; b < blocks.size(); b++) {
			block(blocks.get(b), firstLines.get(b), b == 0);
		}
		if (submission != null && root == null) errors.add("The submission has no root section");
		if (!errors.isEmpty()) throw ApiError.fail(400, "TSV parse errors", errors);
		return submission;
	}

	private void block(final List<String[]> rows, final int line, final boolean first) {
		final String[] head = rows.get(0);
		final String type = head[0].trim();
		final String arg = cell(head, 1);
		if (first) {
			if (!type.equalsIgnoreCase("Submission")) {
				errors.add("Line " + line + ": a submission must start with 'Submission', found '" + type + "'");
				return;
			}
			submission = json.createObjectNode();
			if (!arg.isEmpty()) submission.put("accno", arg);
			attributes(submission, rows, line);
			submission.put("type", "submission");
			return;
		}
		if (submission == null) return;
		final String lower = type.toLowerCase(Locale.ROOT);
		if (root == null && (lower.equals("file") || lower.equals("files") || lower.equals("link") || lower.equals(
			"links")))
		{
			errors.add("Line " + line + ": '" + type + "' before the root section");
			return;
		}
		if (lower.equals("file") || lower.equals("link")) {
			final ObjectNode item = json.createObjectNode();
			item.put(lower.equals("file") ? "path" : "url", arg);
			attributes(item, rows, line);
			if (lower.equals("file")) item.put("type", "file");
			array(current, lower + "s").add(item);
		}
		else if (lower.equals("files") || lower.equals("links")) {
			final ArrayNode table = array(current, lower).addArray();
			for (final String[] row : rows.subList(1, rows.size())) {
				final ObjectNode item = table.addObject();
				item.put(lower.equals("files") ? "path" : "url", row[0]);
				tableAttributes(item, head, row);
				if (lower.equals("files")) item.put("type", "file");
			}
		}
		else if (type.endsWith("]") && type.indexOf('[') > 0) {
			final String sectionType = type.substring(0, type.indexOf('['));
			final String parent = type.substring(type.indexOf('[') + 1, type.length() - 1).trim();
			final ObjectNode owner = parent.isEmpty() ? root : sectionsByAccNo.get(parent);
			if (owner == null) {
				errors.add("Line " + line + ": unknown parent section '" + parent + "'");
				return;
			}
			final ArrayNode table = array(owner, "subsections").addArray();
			for (final String[] row : rows.subList(1, rows.size())) {
				final ObjectNode s = table.addObject();
				if (!row[0].isEmpty()) s.put("accno", row[0]);
				tableAttributes(s, head, row);
				s.put("type", sectionType);
			}
		}
		else {
			final ObjectNode section = json.createObjectNode();
			if (!arg.isEmpty()) {
				section.put("accno", arg);
				sectionsByAccNo.put(arg, section);
			}
			attributes(section, rows, line);
			section.put("type", type);
			if (root == null) {
				root = section;
				submission.set("section", section);
			}
			else {
				final String parent = cell(head, 2);
				final ObjectNode owner = parent.isEmpty() ? root : sectionsByAccNo.get(parent);
				if (owner == null) {
					errors.add("Line " + line + ": unknown parent section '" + parent + "'");
					return;
				}
				array(owner, "subsections").add(section);
			}
			current = section;
		}
	}

	/** The attribute lines of a block (all rows after its head). */
	private void attributes(final ObjectNode owner, final List<String[]> rows, final int line) {
		ObjectNode last = null;
		for (int i = 1; i < rows.size(); i++) {
			final String name = rows.get(i)[0].trim();
			final String value = cell(rows.get(i), 1);
			final boolean qualifier = name.length() > 2 && (name.startsWith("(") && name.endsWith(")") || name
				.startsWith("[") && name.endsWith("]"));
			if (qualifier) {
				if (last == null) {
					errors.add("Line " + (line + i) + ": qualifier '" + name + "' without an attribute above it");
					continue;
				}
				final ObjectNode q = array(last, name.startsWith("(") ? "nmqual" : "valqual").addObject();
				q.put("name", name.substring(1, name.length() - 1));
				q.put("value", value);
				continue;
			}
			last = array(owner, "attributes").addObject();
			if (name.length() > 2 && name.startsWith("<") && name.endsWith(">")) {
				last.put("name", name.substring(1, name.length() - 1));
				last.put("value", value);
				last.put("reference", true);
			}
			else {
				last.put("name", name);
				last.put("value", value);
			}
		}
	}

	private void tableAttributes(final ObjectNode owner, final String[] head, final String[] row) {
		for (int c = 1; c < head.length; c++) {
			final String value = cell(row, c);
			if (head[c].trim().isEmpty() || value.isEmpty()) continue;
			final ObjectNode a = array(owner, "attributes").addObject();
			a.put("name", head[c].trim());
			a.put("value", value);
		}
	}

	private static ArrayNode array(final ObjectNode owner, final String field) {
		return owner.has(field) ? (ArrayNode) owner.get(field) : owner.putArray(field);
	}

	private static String cell(final String[] cells, final int i) {
		return i < cells.length ? cells[i].trim() : "";
	}

	private static boolean isEmpty(final String[] cells) {
		for (final String c : cells) {
			if (!c.trim().isEmpty()) return false;
		}
		return true;
	}
}
