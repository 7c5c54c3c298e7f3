package io.github.biaannotations.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.command.CommandService;
import org.scijava.convert.ConvertService;
import org.scijava.log.LogLevel;
import org.scijava.log.LogService;
import org.scijava.module.ModuleService;
import org.scijava.plugin.PluginService;
import org.scijava.prefs.PrefService;

import io.github.biaannotations.fiji.AnnotationExportService;
import io.github.biaannotations.fiji.commands.LocalArchiveServerCommand;
import io.github.biaannotations.fiji.macro.MacroCommandRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bia-annotations run "<label>" "<macro options>"}: a Fiji command of Plugins &gt; BioImage Archive run
 * the way Fiji's {@code --headless --run} runs it, on machines without Fiji; a recorded macro line works as is.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
	description = { "Run a command of Fiji's Plugins > BioImage Archive menu headless, with ImageJ macro options.",
		"Example: run \"Export Annotations...\" \"image=nuclei.tif rois=nuclei_RoiSet.zip output=pkg metadata=[my study.yaml]\"",
		"Options are key=value or key=[value with spaces]; checkboxes are key=true or key=false." })
final class RunCommand implements Callable<Integer> {

	@Parameters(index = "0", arity = "0..1", paramLabel = "LABEL", description = "The command, e.g. \"Export Annotations...\".")
	String label;

	@Parameters(index = "1", arity = "0..1", paramLabel = "OPTIONS", description = "Macro options, as Fiji's macro recorder writes them.")
	String options = "";

	@Option(names = "--list", description = "List the commands and their options.")
	boolean list;

	@Mixin
	Console console;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws InterruptedException {
		System.setProperty("java.awt.headless", "true");
		final Context context = new Context(CommandService.class, ModuleService.class, ConvertService.class,
			PrefService.class, StatusService.class, LogService.class, PluginService.class,
			AnnotationExportService.class);
		try {
			// the log would repeat on standard error what this command prints; --verbose shows it too
			if (!console.verbose) context.service(LogService.class).setLevel(LogLevel.NONE);
			final MacroCommandRunner runner = new MacroCommandRunner(context);
			if (list || label == null) {
				for (final String l : runner.labels())
					console.out(l + "  " + runner.optionsOf(l));
				return label == null && !list ? 2 : 0;
			}
			final boolean serving = LocalArchiveServerCommand.isRunning();
			final MacroCommandRunner.Result r = runner.run(label, options);
			for (final String w : context.service(AnnotationExportService.class).lastWarnings())
				console.warn(w);
			console.flushWarnings();
			for (final Map.Entry<String, Object> e : r.outputs.entrySet())
				if (e.getValue() != null) console.out(r.outputs.size() == 1 ? String.valueOf(e.getValue()) : e.getKey() +
					": " + e.getValue());
			if (r.succeeded() && !serving && LocalArchiveServerCommand.isRunning()) {
				// this run started a local archive, which lives in this process: keep it up until Ctrl-C, as serve does
				console.out("The local archive runs until you stop it with Ctrl-C (bia-annotations serve does the same).");
				new CountDownLatch(1).await();
			}
			if (r.succeeded()) return 0;
			spec.commandLine().getErr().println("error: " + r.failure);
			spec.commandLine().getErr().flush();
			return 1;
		}
		finally {
			context.dispose();
		}
	}
}
