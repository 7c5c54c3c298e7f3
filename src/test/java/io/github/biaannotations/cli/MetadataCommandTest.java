package io.github.biaannotations.cli;

import io.github.biaannotations.testutil.Required;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class MetadataCommandTest {

	@TempDir
	Path tmp;

	private final StringWriter out = new StringWriter(), err = new StringWriter();

	private int run(final String... args) {
		final CommandLine cl = Main.newCommandLine();
		cl.setOut(new PrintWriter(out, true));
		cl.setErr(new PrintWriter(err, true));
		return cl.execute(args);
	}

	@Test
	void init_writes_blank_templates_that_check_names_every_missing_field() throws Exception {
		final Path dir = tmp.resolve("mifa");
		assertEquals(0, run("metadata", "init", dir.toString()));
		final String study = new String(Files.readAllBytes(dir.resolve("Study.yaml")), StandardCharsets.UTF_8);
		assertTrue(study.contains("author_first_name:") && study.contains("ror_id:"), study);
		final byte[] before = Files.readAllBytes(dir.resolve("Study.yaml"));
		assertEquals(1, run("metadata", "init", dir.toString()), "never overwrites");
		assertTrue(err.toString().contains("Study.yaml: exists already"), err.toString());
		assertEquals(new String(before, StandardCharsets.UTF_8), new String(Files.readAllBytes(dir.resolve(
			"Study.yaml")), StandardCharsets.UTF_8));

		assertEquals(1, run("metadata", "check", dir.toString()));
		final String o = out.toString();
		assertTrue(o.contains("ERROR Study title: missing"), o);
		assertTrue(o.contains("ERROR Annotations annotation_method: missing"), o);
		assertTrue(!o.contains("Version"), "a blank Version.yaml means no version given: " + o);
		assertTrue(!o.contains("authors[0]"), "the blank author entry is not an author: " + o);
	}

	@Test
	void check_and_pagetab_of_the_real_s_biad634() throws Exception {
		final Path ref = Paths.get("../shared/reference/mifa");
		Required.that(Files.isDirectory(ref), ref.toAbsolutePath().normalize() + " is absent (no ../shared/reference beside this checkout)");
		final String future = LocalDate.now().plusDays(3).toString();
		assertEquals(0, run("metadata", "check", ref.toString(), "--release-date", future), out::toString);
		assertTrue(out.toString().trim().endsWith("Metadata OK"), out.toString());
		assertEquals(1, run("metadata", "check", ref.toString(), "--release-date", "2020-01-01"));
		assertTrue(out.toString().contains("release_date: 2020-01-01 is in the past"), out.toString());
		final StringWriter fresh = new StringWriter();
		final CommandLine cl = Main.newCommandLine();
		cl.setOut(new PrintWriter(fresh, true));
		assertEquals(0, cl.execute("metadata", "pagetab", ref.toString(), "--release-date", future));
		final JsonNode pt = new ObjectMapper().readTree(fresh.toString());
		assertEquals("Study", pt.get("section").get("type").asText());
		assertTrue(fresh.toString().contains(future));
	}
}
