package io.github.biaannotations.metadata;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads the archive's MIFA YAML templates into the model, tolerantly: a scalar where a list is expected becomes
 * a one-element list, empty template entries are dropped, ORCID iDs become bare and licences take the MIFA
 * spelling. Scalars are read as the text written (no number or date conversion), and keys this model does not
 * know are kept as extras, so that writing back loses nothing.
 * <p>
 * Over 400 lines on purpose: the three templates share the node checks and every message's file, line and field
 * (the reader's state); split by template, each part would take that state along.
 */
final class MifaYamlReader {

	private final Path file;

	private MifaYamlReader(final Path file) {
		this.file = file;
	}

	/** Parses a file into its top-level mapping, or null when the file holds no document. */
	static MappingNode parse(final Path file) throws IOException {
		try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			return new MifaYamlReader(file).root(r);
		}
		catch (final java.nio.charset.CharacterCodingException e) {
			throw new MetadataException(file, null, 0, "not UTF-8 text; save the file as UTF-8 in your editor", e);
		}
	}

	static MappingNode parse(final String yaml, final Path nameForMessages) throws MetadataException {
		return new MifaYamlReader(nameForMessages).root(new StringReader(yaml));
	}

	private MappingNode root(final Reader r) throws MetadataException {
		final Node node;
		try {
			node = new Yaml(new LoaderOptions()).compose(r);
		}
		catch (final MarkedYAMLException e) {
			throw new MetadataException(file, null, e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1,
				"not valid YAML (" + e.getProblem() + "); check indentation and quote values containing ': '", e);
		}
		catch (final YAMLException e) {
			if (e.getCause() instanceof java.nio.charset.CharacterCodingException) throw new MetadataException(file,
				null, 0, "not UTF-8 text; save the file as UTF-8 in your editor", e);
			throw new MetadataException(file, null, 0, "not valid YAML: " + e.getMessage(), e);
		}
		if (node == null || isNull(node)) return null;
		if (!(node instanceof MappingNode)) throw error(node, null,
			"the file must be a list of 'field: value' lines, like the archive's template");
		checkDuplicates(node, "", java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
		return (MappingNode) node;
	}

	static StudyMetadata study(final MappingNode root, final Path file) throws MetadataException {
		return new MifaYamlReader(file).study(root);
	}

	static AnnotationMetadata annotations(final MappingNode root, final Path file) throws MetadataException {
		return new MifaYamlReader(file).annotations(root);
	}

	static VersionMetadata version(final MappingNode root, final Path file) throws MetadataException {
		return new MifaYamlReader(file).version(root);
	}

	/** The keys of a mapping, for deciding what a file holds. */
	static List<String> keys(final MappingNode map) {
		final List<String> keys = new ArrayList<>();
		for (final NodeTuple t : map.getValue())
			if (t.getKeyNode() instanceof ScalarNode) keys.add(((ScalarNode) t.getKeyNode()).getValue());
		return keys;
	}

	/** The value of a key of a mapping, or null. */
	static Node get(final MappingNode map, final String key) {
		for (final NodeTuple t : map.getValue())
			if (t.getKeyNode() instanceof ScalarNode && key.equals(((ScalarNode) t.getKeyNode()).getValue()))
				return t.getValueNode();
		return null;
	}

	private StudyMetadata study(final MappingNode root) throws MetadataException {
		final StudyMetadata s = new StudyMetadata();
		if (root == null) return s;
		for (final NodeTuple t : root.getValue()) {
			final String key = key(t);
			final Node v = t.getValueNode();
			switch (key) {
				case "title": s.title(text(v, key)); break;
				case "description": s.description(text(v, key)); break;
				case "keywords": s.keywords().addAll(texts(v, key)); break;
				case "authors": s.authors().addAll(authors(v, key)); break;
				case "license": s.license(license(text(v, key))); break;
				case "ai_models_trained": s.aiModelsTrained().addAll(texts(v, key)); break;
				case "funding_statement": s.fundingStatement(text(v, key)); break;
				case "acknowledgements": s.acknowledgements(text(v, key)); break;
				case "link_url": s.linkUrls().addAll(texts(v, key)); break;
				case "link_description": s.linkDescriptions().addAll(texts(v, key)); break;
				case "grants":
					for (final MappingNode m : objects(v, key)) {
						final Map<String, String> f = fields(m, key);
						s.grants().add(new Grant(f.get("grant_id"), f.get("funder")));
					}
					break;
				case "publications":
					for (final Map.Entry<String, MappingNode> e : publications(v, key).entrySet()) {
						final Map<String, String> f = fields(e.getValue(), key);
						final String doi = f.get("publication_doi") != null || !looksLikeDoi(e.getKey()) ? f.get(
							"publication_doi") : e.getKey();
						s.publications().add(new Publication().title(f.get("publication_title"))
							.authors(f.get("publication_authors")).doi(doi)
							.year(f.get("publication_year")).pubmedId(f.get("pubmed_id")));
					}
					break;
				default: s.extras().put(key, plain(v));
			}
		}
		return s;
	}

	private AnnotationMetadata annotations(final MappingNode root) throws MetadataException {
		final AnnotationMetadata a = new AnnotationMetadata();
		if (root == null) return a;
		for (final NodeTuple t : root.getValue()) {
			final String key = key(t);
			final Node v = t.getValueNode();
			switch (key) {
				case "annotation_overview": a.overview(text(v, key)); break;
				case "annotation_type": a.types().addAll(texts(v, key)); break;
				case "authors": a.authors().addAll(authors(v, key)); break;
				case "annotation_method": a.method(text(v, key)); break;
				case "annotation_confidence_level": a.confidenceLevel(text(v, key)); break;
				case "annotation_criteria": a.criteria(text(v, key)); break;
				case "annotation_coverage": a.coverage(text(v, key)); break;
				case "file_metadata": {
					final List<MappingNode> rows = objects(v, key);
					for (int i = 0; i < rows.size(); i++)
						a.files().add(fileRow(rows.get(i), key + "[" + i + "]"));
					break;
				}
				default: a.extras().put(key, plain(v));
			}
		}
		return a;
	}

	private FileLevelMetadata fileRow(final MappingNode m, final String path) throws MetadataException {
		final FileLevelMetadata f = new FileLevelMetadata();
		for (final NodeTuple t : m.getValue()) {
			final String key = key(t);
			final Node v = t.getValueNode();
			final String p = path + "." + key;
			switch (key) {
				case "annotation_id": f.annotationId(text(v, p)); break;
				case "annotation_type": f.types().addAll(texts(v, p)); break;
				case "source_image_id": f.sourceImageId(text(v, p)); break;
				case "transformations": f.transformations(text(v, p)); break;
				case "spatial_information": f.spatialInformation(text(v, p)); break;
				case "annotation_creation_time": f.creationTime(text(v, p)); break;
				default: f.extras().put(key, plain(v));
			}
		}
		return f;
	}

	private VersionMetadata version(final MappingNode root) throws MetadataException {
		final VersionMetadata ver = new VersionMetadata();
		if (root == null) return ver;
		for (final NodeTuple t : root.getValue()) {
			final String key = key(t);
			final Node v = t.getValueNode();
			switch (key) {
				case "version": ver.version(text(v, key)); break;
				case "timestamp": ver.timestamp(text(v, key)); break;
				case "changes": ver.changes(text(v, key)); break;
				case "previous_version": ver.previousVersion(text(v, key)); break;
				default: ver.extras().put(key, plain(v));
			}
		}
		return ver;
	}

	private List<Author> authors(final Node v, final String path) throws MetadataException {
		final List<Author> authors = new ArrayList<>();
		final List<MappingNode> maps = objects(v, path);
		for (int i = 0; i < maps.size(); i++) {
			final String p = path + "[" + i + "]";
			final Author a = new Author();
			for (final NodeTuple t : maps.get(i).getValue()) {
				final String key = key(t);
				final Node n = t.getValueNode();
				switch (key) {
					case "author_first_name": a.firstName(text(n, p + "." + key)); break;
					case "author_last_name": a.lastName(text(n, p + "." + key)); break;
					case "email": a.email(text(n, p + "." + key)); break;
					case "orcid_id": a.orcidId(Identifiers.normaliseOrcid(text(n, p + "." + key))); break;
					case "role": a.roles().addAll(texts(n, p + "." + key)); break;
					case "organisation":
						for (final MappingNode o : objects(n, p + "." + key)) {
							final Organisation org = new Organisation();
							for (final NodeTuple ot : o.getValue()) {
								final String ok = key(ot);
								final String op = p + ".organisation." + ok;
								switch (ok) {
									case "organisation_name": org.name(text(ot.getValueNode(), op)); break;
									case "address": org.address(text(ot.getValueNode(), op)); break;
									case "ror_id": org.rorId(text(ot.getValueNode(), op)); break;
									default: org.extras().put(ok, plain(ot.getValueNode()));
								}
							}
							a.organisations().add(org);
						}
						break;
					default: a.extras().put(key, plain(n));
				}
			}
			authors.add(a);
		}
		return authors;
	}

	private static String license(final String raw) {
		return raw == null ? null : License.parse(raw).map(License::mifa).orElse(raw);
	}

	private String key(final NodeTuple t) throws MetadataException {
		final Node k = t.getKeyNode();
		if (!(k instanceof ScalarNode)) throw error(k, null, "a field name must be plain text");
		return ((ScalarNode) k).getValue().trim();
	}

	/** A text field: the scalar as written, null when empty (blank or {@code ''}); a one-element list is accepted too. */
	private String text(final Node v, final String path) throws MetadataException {
		if (v instanceof ScalarNode) return isBlank(v) ? null : ((ScalarNode) v).getValue();
		if (v instanceof SequenceNode) {
			final List<String> all = texts(v, path);
			if (all.size() <= 1) return all.isEmpty() ? null : all.get(0);
		}
		throw error(v, path, "expected one text value but found " + describe(v) +
			"; write it on the same line after the colon");
	}

	/** A multivalued text field: a list of scalars, or one scalar; empty entries dropped. */
	private List<String> texts(final Node v, final String path) throws MetadataException {
		final List<String> out = new ArrayList<>();
		if (v instanceof ScalarNode) {
			if (!isBlank(v)) out.add(((ScalarNode) v).getValue());
			return out;
		}
		if (!(v instanceof SequenceNode)) throw error(v, path, "expected a list of text values (lines starting " +
			"with '- ') but found " + describe(v));
		final List<Node> items = ((SequenceNode) v).getValue();
		for (int i = 0; i < items.size(); i++) {
			final Node item = items.get(i);
			if (!(item instanceof ScalarNode)) throw error(item, path + "[" + i + "]", "expected a text value but " +
				"found " + describe(item));
			if (!isBlank(item)) out.add(((ScalarNode) item).getValue());
		}
		return out;
	}

	/**
	 * The publications, in either form: a list of entries (the archive's templates and examples), or the map
	 * from DOI to entry that its JSON Schema gives (LinkML's form for an identified class). Entries of the list
	 * form get keys that are no DOI.
	 */
	private Map<String, MappingNode> publications(final Node v, final String path) throws MetadataException {
		final Map<String, MappingNode> out = new LinkedHashMap<>();
		if (v instanceof MappingNode && isMapById((MappingNode) v)) {
			for (final NodeTuple t : ((MappingNode) v).getValue()) {
				final String id = key(t);
				if (t.getValueNode() instanceof MappingNode && !isBlankTemplateEntry(t.getValueNode()))
					out.put(id, (MappingNode) t.getValueNode());
				else if (!isNull(t.getValueNode())) throw error(t.getValueNode(), path + "." + id,
					"expected the publication's fields (publication_title: ..., publication_authors: ...) but found " +
						describe(t.getValueNode()));
			}
			return out;
		}
		int i = 0;
		for (final MappingNode m : objects(v, path))
			out.put("\u0000" + i++, m);
		return out;
	}

	/** True for a mapping whose values are all entries (or blank): the map form, keyed by identifier. */
	private static boolean isMapById(final MappingNode m) {
		if (m.getValue().isEmpty()) return false;
		for (final NodeTuple t : m.getValue())
			if (!(t.getValueNode() instanceof MappingNode) && !isNull(t.getValueNode())) return false;
		return true;
	}

	/** A DOI as people write one: {@code 10.xxx/...}, {@code doi:10...}, or a doi.org URL. */
	private static boolean looksLikeDoi(final String s) {
		final String t = s.trim().toLowerCase(java.util.Locale.ROOT);
		return t.startsWith("10.") || t.startsWith("doi:") || t.contains("doi.org/");
	}

	/** A list of objects, or one object; entries whose every value is empty (template blanks) dropped. */
	private List<MappingNode> objects(final Node v, final String path) throws MetadataException {
		final List<MappingNode> out = new ArrayList<>();
		if (isNull(v)) return out;
		if (v instanceof MappingNode) {
			if (!isBlankTemplateEntry(v)) out.add((MappingNode) v);
			return out;
		}
		if (!(v instanceof SequenceNode)) throw error(v, path, "expected a list of entries (lines starting with " +
			"'- ') but found " + describe(v));
		final List<Node> items = ((SequenceNode) v).getValue();
		for (int i = 0; i < items.size(); i++) {
			final Node item = items.get(i);
			if (isNull(item)) continue;
			if (!(item instanceof MappingNode)) throw error(item, path + "[" + i + "]",
				"expected an entry of 'field: value' lines but found " + describe(item));
			if (!isBlankTemplateEntry(item)) out.add((MappingNode) item);
		}
		return out;
	}

	private Map<String, String> fields(final MappingNode m, final String path) throws MetadataException {
		final Map<String, String> out = new LinkedHashMap<>();
		for (final NodeTuple t : m.getValue()) {
			final String key = key(t);
			out.put(key, text(t.getValueNode(), path + "." + key));
		}
		return out;
	}

	private static boolean isBlankTemplateEntry(final Node n) {
		if (n instanceof ScalarNode || n == null) return isBlank(n);
		if (n instanceof SequenceNode) {
			for (final Node i : ((SequenceNode) n).getValue())
				if (!isBlankTemplateEntry(i)) return false;
			return true;
		}
		for (final NodeTuple t : ((MappingNode) n).getValue())
			if (!isBlankTemplateEntry(t.getValueNode())) return false;
		return true;
	}

	/**
	 * A field given twice would silently lose or merge values: refuse it, naming the field and line. An alias
	 * inside the entry it names ({@code a: &a [*a]}) would make every later step loop: refuse it too.
	 *
	 * @param ancestors the collections that hold {@code n}, by identity
	 */
	private void checkDuplicates(final Node n, final String path, final java.util.Set<Node> ancestors)
		throws MetadataException
	{
		if (!(n instanceof SequenceNode) && !(n instanceof MappingNode)) return;
		if (!ancestors.add(n)) throw error(n, path, "refers to an entry that holds it (an alias in a loop); write " +
			"the values out instead");
		if (n instanceof SequenceNode) {
			final List<Node> items = ((SequenceNode) n).getValue();
			for (int i = 0; i < items.size(); i++)
				checkDuplicates(items.get(i), path + "[" + i + "]", ancestors);
		}
		else {
			final java.util.Set<String> seen = new java.util.HashSet<>();
			for (final NodeTuple t : ((MappingNode) n).getValue()) {
				final String key = key(t);
				final String p = path.isEmpty() ? key : path + "." + key;
				if (!seen.add(key)) throw error(t.getKeyNode(), p, "given twice; keep one (lists go under one key, " +
					"one '- ' line per value)");
				checkDuplicates(t.getValueNode(), p, ancestors);
			}
		}
		ancestors.remove(n);
	}

	static boolean isNull(final Node n) {
		return n == null || n instanceof ScalarNode && Tag.NULL.equals(n.getTag());
	}

	/** Null, or the empty text {@code ''} that the schema's form of an empty field is. */
	private static boolean isBlank(final Node n) {
		return isNull(n) || n instanceof ScalarNode && ((ScalarNode) n).getValue().isEmpty();
	}

	/** A YAML value as maps, lists and strings (null for empty), for extras. */
	static Object plain(final Node n) {
		if (isNull(n)) return null;
		if (n instanceof ScalarNode) return ((ScalarNode) n).getValue();
		if (n instanceof SequenceNode) {
			final List<Object> list = new ArrayList<>();
			for (final Node i : ((SequenceNode) n).getValue())
				list.add(plain(i));
			return list;
		}
		final Map<String, Object> map = new LinkedHashMap<>();
		for (final NodeTuple t : ((MappingNode) n).getValue()) {
			final Object k = plain(t.getKeyNode());
			map.put(String.valueOf(k), plain(t.getValueNode()));
		}
		return map;
	}

	private static String describe(final Node n) {
		if (n instanceof SequenceNode) return "a list";
		if (n instanceof MappingNode) return "nested fields";
		return "'" + ((ScalarNode) n).getValue() + "'";
	}

	private MetadataException error(final Node n, final String path, final String message) {
		return new MetadataException(file, path, n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1,
			message);
	}
}
