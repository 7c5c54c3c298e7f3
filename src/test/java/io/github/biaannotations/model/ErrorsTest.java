package io.github.biaannotations.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Error lines as people read them: the file and the reason in words, never a Java class name. */
class ErrorsTest {

	@TempDir
	Path tmp;

	@Test
	void fileSystemErrorsSayWhatIsWrongWithTheFile() throws IOException {
		final Path file = Files.writeString(tmp.resolve("afile"), "x");
		final IOException inTheWay = assertThrows(IOException.class, () -> Files.createDirectories(file));
		assertEquals(file + ": is a file, where a folder is needed", Errors.oneLine(inTheWay));
		assertEquals(tmp + ": is a folder, not a file", Errors.oneLine(new NoSuchFileException(tmp.toString())));
		assertEquals(tmp.resolve("gone") + ": no such file", Errors.oneLine(new NoSuchFileException(tmp.resolve("gone")
			.toString())));
	}

	@Test
	void jsonErrorsGiveTheLineAndColumnNotTheParsersInternals() {
		final JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> new ObjectMapper().readTree(
			"{\n  \"a\": [1,\n"));
		final String line = Errors.oneLine(e);
		assertEquals(true, line.startsWith("Unexpected end-of-input"), line);
		assertEquals(true, line.endsWith("(line 3, column 1)"), line);
		assertEquals(false, line.contains("REDACTED") || line.contains("Source"), line);
	}

	@Test
	void anErrorWithoutAMessageIsNamedInWords() {
		assertEquals("connection refused", Errors.oneLine(new ConnectException()));
	}
}
