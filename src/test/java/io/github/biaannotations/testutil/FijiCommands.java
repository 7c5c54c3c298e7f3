package io.github.biaannotations.testutil;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.CommandService;
import org.scijava.log.LogService;
import org.scijava.Cancelable;
import org.scijava.module.Module;
import org.scijava.module.ModuleService;
import org.scijava.plugin.PluginService;
import org.scijava.prefs.PrefService;

import ij.ImagePlus;
import ij.macro.Interpreter;

import io.github.biaannotations.fiji.AnnotationExportService;

/**
 * A headless SciJava context with the services the commands use (no UI service: no dialogs), and a way to
 * run a command with the parameter map a macro gives.
 */
public final class FijiCommands implements AutoCloseable {

	public final Context context = new Context(CommandService.class, PrefService.class, StatusService.class,
		LogService.class, PluginService.class, AnnotationExportService.class);

	public static Map<String, Object> map(final Object... keyValues) {
		final Map<String, Object> m = new HashMap<>();
		for (int i = 0; i < keyValues.length; i += 2)
			m.put((String) keyValues[i], keyValues[i + 1]);
		return m;
	}

	/** Runs as a macro would: through the module service, with pre- and postprocessing. */
	public Module run(final Class<? extends Command> command, final Map<String, Object> inputs) {
		try {
			return context.service(ModuleService.class).run(context.service(CommandService.class).getCommand(command),
				true, inputs).get();
		}
		catch (final InterruptedException | ExecutionException e) {
			throw new AssertionError(command.getSimpleName() + " did not run", e);
		}
	}

	public static Module succeeded(final Module m) {
		final Cancelable c = (Cancelable) m;
		assertFalse(c.isCanceled(), () -> "cancelled: " + c.getCancelReason());
		return m;
	}

	public static String failed(final Module m) {
		final Cancelable c = (Cancelable) m;
		assertTrue(c.isCanceled(), "expected the command to fail");
		assertTrue(c.getCancelReason() != null && !c.getCancelReason().isEmpty(), "a failure says why");
		return c.getCancelReason();
	}

	/**
	 * Makes an image the current one as a headless macro does: a batch-mode image, seen from every thread
	 * (commands run on their own thread).
	 */
	public static void makeCurrent(final ImagePlus imp) {
		Interpreter.batchMode = true;
		Interpreter.addBatchModeImage(imp);
	}

	/** Leaves batch mode and forgets its images. */
	public static void closeImages() {
		ImagePlus imp;
		while ((imp = Interpreter.getLastBatchModeImage()) != null)
			Interpreter.removeBatchModeImage(imp);
		Interpreter.batchMode = false;
	}

	@Override
	public void close() {
		context.dispose();
	}
}
