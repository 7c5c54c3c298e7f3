package io.github.biaannotations.fiji.macro;

import java.io.File;

import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.widget.TextWidget;

/**
 * The macro line Fiji's recorder writes for a run of one of our commands, built by the same rules as the
 * recorder of imagej-legacy: every input with a value, as {@code name=value} ({@code name=[value]} when it
 * holds a space), except hidden items and password fields. Export Annotations... logs it, so that a run made
 * in the dialog can be repeated in a macro or with {@code bia-annotations run} even where no recorder runs.
 */
public final class MacroRecording {

	private MacroRecording() {}

	/** {@code run("<label>", "<options>");} for a module after its run. */
	public static String line(final Module module) {
		return "run(\"" + module.getInfo().getMenuPath().getLeaf().getName() + "\", \"" + options(module).replace("\\",
			"\\\\").replace("\"", "\\\"") + "\");";
	}

	/** The options of {@link #line} as they are, for {@code bia-annotations run}. */
	public static String options(final Module module) {
		final StringBuilder sb = new StringBuilder();
		for (final ModuleItem<?> item : module.getInfo().inputs()) {
			if (!MacroCommandRunner.isOption(item) || isPassword(item)) continue;
			final Object value = module.getInput(item.getName());
			if (value == null) continue;
			final String text = value instanceof File ? ((File) value).getPath() : value.toString();
			sb.append(sb.length() == 0 ? "" : " ").append(item.getName().toLowerCase(java.util.Locale.ROOT)).append('=')
				.append(MacroOptions.quote(text));
		}
		return sb.toString();
	}

	static boolean isPassword(final ModuleItem<?> item) {
		final String style = item.getWidgetStyle();
		if (style == null) return false;
		for (final String s : style.split(","))
			if (s.trim().equals(TextWidget.PASSWORD_STYLE)) return true;
		return false;
	}
}
