package io.github.biaannotations.fiji.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleItem;
import org.scijava.service.Service;
import org.scijava.widget.TextWidget;

import io.github.biaannotations.fiji.macro.MacroCommandRunner;
import io.github.biaannotations.formats.AnnotationFormat;
import io.github.biaannotations.formats.AnnotationFormats;
import io.github.biaannotations.testutil.FijiCommands;

/**
 * What makes the commands recordable as one macro line and runnable headless: every user-facing parameter is
 * a plain value, and passwords are password fields that are neither persisted nor recorded (the recorder of
 * imagej-legacy skips password-style inputs).
 */
class CommandParametersTest {

	private static final List<Class<?>> PLAIN = List.of(String.class, File.class, boolean.class, int.class);

	@Test
	void everyCommandIsInTheMenuWithPlainParameters() {
		try (FijiCommands fiji = new FijiCommands()) {
			final List<String> labels = new ArrayList<>();
			for (final CommandInfo info : fiji.context.service(CommandService.class).getCommands()) {
				if (!info.getClassName().startsWith("io.github.biaannotations.")) continue;
				labels.add(info.getMenuPath().getLeaf().getName());
				assertEquals(MacroCommandRunner.MENU, info.getMenuPath().getMenuString(false).replace(" > ", ">"),
					info.getClassName());
				for (final ModuleItem<?> item : info.inputs()) {
					if (Service.class.isAssignableFrom(item.getType()) || item.getType() == org.scijava.Context.class) continue;
					assertTrue(PLAIN.contains(item.getType()), info.getTitle() + ": " + item.getName() + " is " +
						item.getType());
					assertEquals(item.getName().toLowerCase(java.util.Locale.ROOT), item.getName(),
						"macro keys are lower case: " + item.getName());
					if (item.getName().equals("password")) {
						assertEquals(TextWidget.PASSWORD_STYLE, item.getWidgetStyle(), info.getTitle());
						assertFalse(item.isPersisted(), info.getTitle() + ": a password is never persisted");
					}
				}
			}
			labels.sort(null);
			assertEquals(List.of("Archive Account...", "Export Annotations...", "Import Annotations...",
				"Local Archive Server...", "Push to Archive...", "Submissions...", "Validate Package..."), labels);
			assertEquals(labels, sorted(new MacroCommandRunner(fiji.context).labels()));
		}
	}

	@Test
	void exportHasACheckboxForEveryFormatWrittenOnRequest() {
		try (FijiCommands fiji = new FijiCommands()) {
			final CommandInfo info = fiji.context.service(CommandService.class).getCommand(ExportAnnotationsCommand.class);
			for (final AnnotationFormat f : AnnotationFormats.optional()) {
				final ModuleItem<?> box = info.getInput(f.macroKey());
				assertTrue(box != null && box.getType() == boolean.class, "Export Annotations... has no checkbox " + f
					.macroKey() + " for " + f.title());
			}
		}
	}

	private static List<String> sorted(final List<String> l) {
		l.sort(null);
		return l;
	}
}
