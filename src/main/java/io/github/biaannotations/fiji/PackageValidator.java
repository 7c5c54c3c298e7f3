package io.github.biaannotations.fiji;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.scijava.plugin.SciJavaPlugin;

/**
 * Checks a package folder before it is pushed: what {@code Validate Package...} runs. A SciJava plugin type so
 * that the submission module provides it with {@code @Plugin(type = PackageValidator.class)}; the command
 * says clearly when no implementation is installed.
 */
public interface PackageValidator extends SciJavaPlugin {

	/**
	 * @return the problems found, one line each naming the file and field at fault; empty when the package
	 *         can be submitted
	 * @throws IOException when the folder cannot be read
	 */
	List<String> validate(Path packageDir) throws IOException;
}
