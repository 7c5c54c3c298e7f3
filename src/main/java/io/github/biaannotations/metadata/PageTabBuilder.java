package io.github.biaannotations.metadata;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.biaannotations.model.ArchivePaths;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds the PageTab JSON of a BioImage Archive submission from MIFA metadata, in the form the archive's own ingest
 * (bia-ingest, ro-crate-ingest) processes: template {@code BioImages.v4}; submission attributes ({@code Title},
 * {@code ReleaseDate}, {@code AttachTo}); a {@code Study} section with its attributes and links, {@code author}
 * and {@code organisation} subsections joined by {@code affiliation} references, {@code Publication} and
 * {@code Funding} subsections; an {@code Annotations} section (the annotation method, naming the annotation file
 * list; the annotation version as its attributes, since the ingest refuses a {@code Version} subsection); and
 * optionally a {@code Study Component} for the source images. Empty fields are left out. README, "How the
 * package is described to the archive", gives the reasons.
 */
public final class PageTabBuilder {

	/**
	 * The template: {@code BioImages.v4}, the one template whose section types ({@code Annotations},
	 * {@code Study Component}) are those the archive's ingest reads, and a template name bia-ingest processes in
	 * full (it gives {@code BioImages.MIFA.v1} studies only their study object).
	 */
	public static final String TEMPLATE = "BioImages.v4";

	/** The section type of the annotation method (with its file list), as the archive's ingest looks it up. */
	public static final String ANNOTATIONS = "Annotations";

	/** The file-list column that links an annotation file to its image, spelled as both ingests read it. */
	public static final String SOURCE_IMAGE = "Source image";

	/** The column headers of an annotation file list, in order. */
	public static final List<String> FILE_LIST_COLUMNS = java.util.Collections.unmodifiableList(
		java.util.Arrays.asList("Files", "annotation_type", SOURCE_IMAGE, "transformations", "spatial_information",
			"annotation_creation_time"));

	private static final JsonNodeFactory F = JsonNodeFactory.instance;

	private final MifaMetadata metadata;
	private String accno;
	private String rootPath;
	private String annotationTitle;
	private String annotationFileList;
	private String imageFileList;
	private String imageComponentName;
	private String imageComponentDescription;

	public PageTabBuilder(final MifaMetadata metadata) {
		this.metadata = metadata;
	}

	/** The accession to update; leave unset for a new submission (the archive assigns one). */
	public PageTabBuilder accno(final String v) { accno = v; return this; }
	/** {@code RootPath}: the folder in the user area that file paths are relative to. */
	public PageTabBuilder rootPath(final String v) { rootPath = v; return this; }
	/** Title of the Annotations section; defaults to "Annotations of " + the study title. */
	public PageTabBuilder annotationTitle(final String v) { annotationTitle = v; return this; }
	/** The annotation file list (e.g. {@code annotations.tsv}), required by the archive. */
	public PageTabBuilder annotationFileList(final String v) { annotationFileList = v; return this; }

	/** Adds a {@code Study Component} for the source images, with its file list (e.g. {@code images.tsv}). */
	public PageTabBuilder imageFileList(final String fileList, final String name, final String description) {
		imageFileList = fileList;
		imageComponentName = name;
		imageComponentDescription = description;
		return this;
	}

	/**
	 * The submission as a PageTab JSON tree.
	 *
	 * @param today the date a missing release date stands for
	 */
	public ObjectNode build(final LocalDate today) {
		final StudyMetadata s = metadata.study();
		final ObjectNode root = F.objectNode();
		if (!Values.isBlank(accno)) root.put("accno", accno.trim());
		final ArrayNode rootAttrs = root.putArray("attributes");
		attr(rootAttrs, "Template", TEMPLATE);
		attr(rootAttrs, "Title", s.title());
		attr(rootAttrs, "ReleaseDate", metadata.releaseDateOr(today).toString());
		attr(rootAttrs, "AttachTo", metadata.collection());
		attr(rootAttrs, "RootPath", rootPath);

		final ObjectNode study = root.putObject("section");
		study.put("type", "Study");
		final ArrayNode a = study.putArray("attributes");
		attr(a, "Title", s.title());
		attr(a, "Description", s.description());
		for (final String k : s.keywords())
			attr(a, "Keywords", k);
		attr(a, "Acknowledgements", s.acknowledgements());
		License.parse(s.license()).ifPresent(l -> attr(a, "License", l.pageTab()).putArray("valqual").addObject()
			.put("name", "URL").put("value", l.url()));
		attr(a, "Funding statement", s.fundingStatement());
		final ArrayNode links = F.arrayNode();
		for (int i = 0; i < s.linkUrls().size(); i++)
			link(links, s.linkUrls().get(i), i < s.linkDescriptions().size() ? s.linkDescriptions().get(i) : null);
		for (final String model : s.aiModelsTrained())
			link(links, model, "AI model trained with this dataset");
		if (links.size() > 0) study.set("links", links);

		final ArrayNode subs = study.putArray("subsections");
		new AuthorSections(s.authors(), metadata.annotations().authors()).addTo(subs);
		for (final Publication p : s.publications()) {
			final ArrayNode pa = section(subs, null, "Publication");
			attr(pa, "Title", p.title());
			attr(pa, "Authors", p.authors());
			attr(pa, "DOI", p.doi());
			attr(pa, "Year", p.year());
			attr(pa, "Pubmed ID", p.pubmedId());
		}
		for (final Grant g : s.grants()) {
			final ArrayNode ga = section(subs, null, "Funding");
			attr(ga, "Agency", g.funder());
			attr(ga, "grant_id", g.grantId());
		}
		annotationSection(subs, s);
		if (!Values.isBlank(imageFileList)) {
			final ArrayNode ca = section(subs, "Study Component-1", "Study Component");
			attr(ca, "Name", Values.isBlank(imageComponentName) ? "Images" : imageComponentName);
			attr(ca, "Description", imageComponentDescription);
			attr(ca, "File List", imageFileList);
		}
		return root;
	}

	private void annotationSection(final ArrayNode subs, final StudyMetadata s) {
		final AnnotationMetadata an = metadata.annotations();
		final ObjectNode sec = subs.addObject();
		sec.put("accno", "Annotations-1");
		sec.put("type", ANNOTATIONS);
		final ArrayNode a = sec.putArray("attributes");
		attr(a, "Title", !Values.isBlank(annotationTitle) ? annotationTitle : Values.isBlank(s.title())
			? "Annotations" : "Annotations of " + s.title().trim());
		attr(a, "Annotation Overview", an.overview());
		for (final String t : an.effectiveTypes())
			attr(a, "Annotation Type", t);
		attr(a, "Annotation Method", an.method());
		attr(a, "Annotation Confidence Level", an.confidenceLevel());
		attr(a, "Annotation Criteria", an.criteria());
		attr(a, "Annotation Coverage", an.coverage());
		final VersionMetadata v = metadata.version();
		if (v != null && !Values.isBlank(v.version())) {
			attr(a, "Annotation version", v.version());
			attr(a, "Version timestamp", v.timestamp());
		}
		attr(a, "File List", annotationFileList);
	}

	/** The PageTab JSON text, indented, of a tree from {@link #build}. */
	public static String toJson(final ObjectNode pageTab) {
		try {
			return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(pageTab);
		}
		catch (final JsonProcessingException e) {
			throw new IllegalStateException("PageTab tree cannot be written as JSON", e);
		}
	}

	/** True when the archive accepts this file path in a submission or file list. */
	public static boolean isValidFilePath(final String path) {
		return path != null && ArchivePaths.isValid(path);
	}

	/**
	 * An annotation file list in PageTab's JSON form: one File object per row, attributes named as
	 * {@link #FILE_LIST_COLUMNS}. Several annotation types are joined with ", ".
	 *
	 * @throws IllegalArgumentException naming the path when the archive would refuse it
	 */
	public static ArrayNode fileListJson(final List<FileLevelMetadata> rows) {
		final ArrayNode list = F.arrayNode();
		for (final FileLevelMetadata r : rows) {
			final List<String> cells = cells(r);
			final ObjectNode file = list.addObject();
			file.put("path", cells.get(0));
			final ArrayNode attrs = file.putArray("attributes");
			for (int c = 1; c < cells.size(); c++)
				attr(attrs, FILE_LIST_COLUMNS.get(c), cells.get(c));
			file.put("type", "file");
		}
		return list;
	}

	/**
	 * An annotation file list in PageTab's TSV form: header {@link #FILE_LIST_COLUMNS} (first cell
	 * {@code Files}), one row per file, tabs and line breaks inside values replaced by spaces.
	 *
	 * @throws IllegalArgumentException naming the path when the archive would refuse it
	 */
	public static String fileListTsv(final List<FileLevelMetadata> rows) {
		final StringBuilder sb = new StringBuilder(String.join("\t", FILE_LIST_COLUMNS)).append('\n');
		for (final FileLevelMetadata r : rows) {
			final List<String> cells = cells(r);
			for (int c = 0; c < cells.size(); c++)
				sb.append(c == 0 ? "" : "\t").append(cells.get(c) == null ? "" : cells.get(c));
			sb.append('\n');
		}
		return sb.toString();
	}

	private static List<String> cells(final FileLevelMetadata r) {
		final String path = Values.trim(r.annotationId());
		if (!isValidFilePath(path)) throw new IllegalArgumentException("annotation file path '" + r.annotationId() +
			"' is not accepted by the archive: use letters, digits, spaces and !-_*'(). / only, no ./ or ../");
		final List<String> cells = new ArrayList<>();
		cells.add(path);
		cells.add(cell(String.join(", ", r.types())));
		cells.add(cell(r.sourceImageId()));
		cells.add(cell(r.transformations()));
		cells.add(cell(r.spatialInformation()));
		cells.add(cell(r.creationTime()));
		return cells;
	}

	private static String cell(final String v) {
		final String t = Values.trim(v);
		return t == null ? null : t.replaceAll("[\\t\\r\\n]+", " ");
	}

	static ArrayNode section(final ArrayNode subs, final String accno, final String type) {
		final ObjectNode sec = subs.addObject();
		if (accno != null) sec.put("accno", accno);
		sec.put("type", type);
		return sec.putArray("attributes");
	}

	/** Adds an attribute unless the value is blank; returns it (or a detached node) for qualifiers. */
	static ObjectNode attr(final ArrayNode attrs, final String name, final String value) {
		final String v = Values.trim(value);
		if (v == null) return F.objectNode();
		final ObjectNode a = attrs.addObject();
		a.put("name", name);
		a.put("value", v);
		return a;
	}

	private static void link(final ArrayNode links, final String url, final String description) {
		if (Values.isBlank(url)) return;
		final ObjectNode l = links.addObject();
		l.put("url", url.trim());
		if (!Values.isBlank(description)) attr(l.putArray("attributes"), "Description", description);
	}

	/** Lower-case key for matching section types the archive spells in several ways. */
	static String typeKey(final String type) {
		final String t = type.toLowerCase(Locale.ROOT).replace("organization", "organisation");
		return t.equals("annotations") ? "annotation" : t;
	}
}
