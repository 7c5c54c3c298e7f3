package io.github.biaannotations.testutil;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What a test needs from outside the project (a program, {@code ../shared}, a display, a small file system).
 * Outside CI a missing need skips the test with a visible message; under CI ({@code CI=true}) it fails the test,
 * so that a green CI run means every independent reader really ran.
 */
public final class Required {

	private Required() {}

	/** True when running under CI ({@code CI=true}), where every need must be met. */
	public static boolean underCi() {
		return "true".equalsIgnoreCase(System.getenv("CI"));
	}

	/**
	 * Goes on when {@code present}; otherwise skips the test (outside CI) or fails it (under CI), saying
	 * {@code what} is missing and how to get it.
	 */
	public static void that(final boolean present, final String what) {
		if (present) return;
		if (underCi()) fail("CI=true and " + what + ": a CI run must not skip this test");
		System.err.println("SKIPPED: " + what);
		assumeTrue(false, what + ": skipped");
	}
}
