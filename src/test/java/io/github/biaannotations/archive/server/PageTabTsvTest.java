package io.github.biaannotations.archive.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** PageTab TSV to JSON, element by element of the page-tab specification. */
class PageTabTsvTest {

	private final ObjectMapper json = new ObjectMapper();

	private JsonNode parse(final String... lines) throws ApiError {
		return new PageTabTsv(json).parse(String.join("\n", lines) + "\n");
	}

	@Test
	void submissionSectionsFilesLinksAndTables() throws Exception {
		final JsonNode s = parse("Submission\tS-TEST1", "Title\tNuclei", "ReleaseDate\t2030-01-01", "AttachTo\tBioImages",
			"", "Study\tst-1", "Title\tNuclei", "License\tCC BY 4.0", "[URL]\thttps://creativecommons.org/licenses/by/4.0/",
			"(Kind)\tlicence", "", "Author", "Name\tAda Test", "<affiliation>\to1", "", "organisation\to1\tst-1",
			"Name\tTest Lab", "", "Annotation\tAnn-1", "File List\tannotations.tsv", "", "File\tannotations/a.geojson",
			"Description\tOutlines", "", "Files\tDescription\tType", "b.geojson\tMore\tGeoJSON", "c.geojson\t\tGeoJSON",
			"", "Link\thttps://example.org", "Description\tCode", "", "Links\tType", "ERP007058\tENA", "",
			"Biosample[st-1]\tTitle\tOrganism", "BS-1\tCells\tMus musculus", "BS-2\tTissue\tHomo sapiens");
		assertEquals("S-TEST1", s.get("accno").asText());
		assertEquals("submission", s.get("type").asText());
		assertEquals("ReleaseDate", s.get("attributes").get(1).get("name").asText());
		final JsonNode root = s.get("section");
		assertEquals("Study", root.get("type").asText());
		assertEquals("st-1", root.get("accno").asText());
		final JsonNode license = root.get("attributes").get(1);
		assertEquals("URL", license.get("valqual").get(0).get("name").asText());
		assertEquals("Kind", license.get("nmqual").get(0).get("name").asText());
		final JsonNode subs = root.get("subsections");
		assertEquals("Author", subs.get(0).get("type").asText());
		final JsonNode affiliation = subs.get(0).get("attributes").get(1);
		assertEquals("affiliation", affiliation.get("name").asText());
		assertTrue(affiliation.get("reference").asBoolean());
		assertEquals("o1", subs.get(1).get("accno").asText());
		final JsonNode annotation = subs.get(2);
		assertEquals("File List", annotation.get("attributes").get(0).get("name").asText());
		// files and links attach to the section defined last
		assertEquals("annotations/a.geojson", annotation.get("files").get(0).get("path").asText());
		assertEquals("c.geojson", annotation.get("files").get(1).get(1).get("path").asText());
		assertEquals(1, annotation.get("files").get(1).get(1).get("attributes").size());
		assertEquals("https://example.org", annotation.get("links").get(0).get("url").asText());
		assertEquals("ERP007058", annotation.get("links").get(1).get(0).get("url").asText());
		// a section table becomes a table of subsections of its parent
		final JsonNode table = subs.get(3);
		assertTrue(table.isArray());
		assertEquals("BS-2", table.get(1).get("accno").asText());
		assertEquals("Biosample", table.get(1).get("type").asText());
		assertEquals("Homo sapiens", table.get(1).get("attributes").get(1).get("value").asText());
	}

	@Test
	void parseErrorsNameTheLine() {
		final ApiError e = assertThrows(ApiError.class, () -> parse("Study\ts-1", "Title\tx"));
		assertEquals(400, e.status());
		assertEquals("TSV parse errors", e.getMessage());
		assertTrue(e.subnodes().get(0).startsWith("Line 1: a submission must start with 'Submission'"));
		final ApiError parent = assertThrows(ApiError.class, () -> parse("Submission", "", "Study", "",
			"Data\td-1\tnowhere"));
		assertEquals("Line 5: unknown parent section 'nowhere'", parent.subnodes().get(0));
	}
}
