package io.github.biaannotations.fiji;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.scijava.Priority;
import org.scijava.plugin.Plugin;

import io.github.biaannotations.submission.PackageProblem;

/** Validate Package... runs the package validator of the {@code submission} module; errors only (warnings do not block). */
@Plugin(type = PackageValidator.class, priority = Priority.LOW)
public final class DefaultPackageValidator implements PackageValidator {

	@Override
	public List<String> validate(final Path packageDir) throws IOException {
		return io.github.biaannotations.submission.PackageValidator.validate(packageDir).stream()
			.filter(PackageProblem::isError).map(PackageProblem::toString).collect(Collectors.toList());
	}
}
