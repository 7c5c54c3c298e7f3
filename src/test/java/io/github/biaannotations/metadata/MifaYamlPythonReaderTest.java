package io.github.biaannotations.metadata;

import io.github.biaannotations.testutil.Required;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second independent reader of what we write: Python's PyYAML (Debian package python3-yaml) compares the
 * archive's S-BIAD634 files with our rewrite of them, after the same normalisation as
 * {@link MifaYamlRoundTripTest} (empty values as blank ones, {@code publications} by DOI as the template's list). Skips when python3 with PyYAML is absent.
 */
class MifaYamlPythonReaderTest {

	private static final String SCRIPT = String.join("\n",
		"import sys, yaml",
		"MULTI = {'keywords', 'role', 'annotation_type', 'link_url', 'link_description', 'ai_models_trained'}",
		"def empty(x):",
		"    return x is None or x == '' or x == [] or x == {}",
		"def norm(v, key=None):",
		"    if isinstance(v, dict):",
		"        v = {k: list(x.values()) if k == 'publications' and isinstance(x, dict) else x for k, x in v.items()}",
		"        return {k: norm(x, k) for k, x in v.items() if not empty(x)}",
		"    if isinstance(v, list):",
		"        return [norm(x) for x in v]",
		"    s = str(v)",
		"    if key == 'orcid_id':",
		"        s = s.replace('https://orcid.org/', '')",
		"    return [s] if key in MULTI else s",
		"bad = 0",
		"for original, written in zip(sys.argv[1::2], sys.argv[2::2]):",
		"    a = norm(yaml.safe_load(open(original, encoding='utf-8')))",
		"    b = norm(yaml.safe_load(open(written, encoding='utf-8')))",
		"    if a != b:",
		"        bad += 1",
		"        print('DIFFERENT', original, written)",
		"print('OK' if bad == 0 else 'FAILED')");

	@TempDir
	Path tmp;

	@Test
	void pyyaml_reads_our_rewrite_of_s_biad634_as_the_original() throws Exception {
		final Path ref = MifaReference.mifa();
		Required.that(run("python3", "-c", "import yaml").equals(""),
			"python3 with PyYAML is absent (apt-get install python3-yaml)");
		MifaMetadata.load(ref).writeTemplates(tmp);
		final Path script = tmp.resolve("compare.py");
		Files.write(script, SCRIPT.getBytes(StandardCharsets.UTF_8));
		final String out = run("python3", script.toString(), ref.resolve("Study_S-BIAD634.yaml").toString(), tmp
			.resolve("Study.yaml").toString(), ref.resolve("Annotations_S-BIAD634.yaml").toString(), tmp.resolve(
				"Annotations.yaml").toString(), ref.resolve("Version_S-BIAD634.yaml").toString(), tmp.resolve(
					"Version.yaml").toString());
		assertEquals("OK", out.trim());
	}

	/** Output of a process, or "unavailable" when it cannot run or fails. */
	private static String run(final String... command) throws IOException, InterruptedException {
		final Process p;
		try {
			p = new ProcessBuilder(command).redirectErrorStream(true).start();
		}
		catch (final IOException e) {
			return "unavailable";
		}
		final byte[] out = readAll(p);
		if (!p.waitFor(60, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			return "timeout";
		}
		final String text = new String(out, StandardCharsets.UTF_8);
		return p.exitValue() == 0 ? text : "unavailable: " + text;
	}

	private static byte[] readAll(final Process p) throws IOException {
		final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
		final byte[] buf = new byte[8192];
		int n;
		while ((n = p.getInputStream().read(buf)) > 0)
			bytes.write(buf, 0, n);
		return bytes.toByteArray();
	}
}
