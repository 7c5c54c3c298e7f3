package io.github.biaannotations.fiji.macro;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.scijava.Cancelable;
import org.scijava.Context;
import org.scijava.ItemVisibility;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.ModuleService;

import io.github.biaannotations.model.Errors;

/**
 * Runs a command of the {@value #MENU} menu by its label with a macro option string, as Fiji's
 * {@code --headless --run "<label>" "<options>"} does, for machines without Fiji. Options map to the
 * command's parameters by name (lower case), always as {@code key=value}: Fiji ignores a bare key for SciJava
 * commands, so it is refused here rather than read differently. Inputs not given keep their
 * defaults (not values remembered from earlier runs), so a line gives the same result wherever it runs.
 */
public final class MacroCommandRunner {

	/** The menu our commands live in. */
	public static final String MENU = "Plugins>BioImage Archive";

	/** What a run gave: the outputs, or why it failed. */
	public static final class Result {

		public final Map<String, Object> outputs;
		/** Why the command failed or was cancelled; null when it succeeded. */
		public final String failure;
		Result(final Map<String, Object> outputs, final String failure) {
			this.outputs = outputs;
			this.failure = failure;
		}

		public boolean succeeded() {
			return failure == null;
		}
	}

	private final Context context;

	public MacroCommandRunner(final Context context) {
		this.context = context;
	}

	/** The labels of the commands in {@value #MENU}, e.g. "Export Annotations...". */
	public List<String> labels() {
		final List<String> labels = new ArrayList<>();
		for (final CommandInfo info : ours())
			labels.add(info.getMenuPath().getLeaf().getName());
		return labels;
	}

	/** The options of a command as {@code key=<type>} words, required ones marked with {@code *}. */
	public String optionsOf(final String label) {
		final StringBuilder sb = new StringBuilder();
		for (final ModuleItem<?> item : find(label).inputs()) {
			if (!isOption(item)) continue;
			final String type = item.getType() == File.class ? "path" : isBoolean(item.getType()) ? "" : isNumber(item
				.getType()) ? "number" : "text";
			sb.append(sb.length() == 0 ? "" : " ").append(item.getName().toLowerCase(Locale.ROOT)).append(type.isEmpty()
				? "" : "=<" + type + ">").append(item.isRequired() && item.getType() == File.class ? "*" : "");
		}
		return sb.toString();
	}

	/**
	 * @throws IllegalArgumentException for an unknown label, an unknown or malformed option, a value of the
	 *           wrong type or a missing required option; nothing has run then
	 */
	public Result run(final String label, final String options) {
		final CommandInfo info = find(label);
		final Map<String, Object> inputs = inputs(info, MacroOptions.parse(options));
		final ModuleService modules = context.service(ModuleService.class);
		final Module module = modules.createModule(info);
		// inputs not given keep their defaults rather than values remembered from earlier runs
		for (final ModuleItem<?> item : info.inputs())
			if (isOption(item) && item.isPersisted() && !inputs.containsKey(item.getName())) module.resolveInput(item.getName());
		try {
			final Module done = modules.run(module, true, inputs).get();
			final Cancelable c = (Cancelable) done;
			if (c.isCanceled()) {
				final String why = c.getCancelReason() == null ? "cancelled" : c.getCancelReason();
				return new Result(done.getOutputs(), why);
			}
			return new Result(done.getOutputs(), null);
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			return new Result(Map.of(), "interrupted");
		}
		catch (final ExecutionException e) {
			return new Result(Map.of(), Errors.oneLine(e.getCause()));
		}
	}

	private List<CommandInfo> ours() {
		final List<CommandInfo> found = new ArrayList<>();
		for (final CommandInfo info : context.service(CommandService.class).getCommands()) {
			final String path = info.getMenuPath() == null ? "" : info.getMenuPath().getMenuString();
			if (path.startsWith(MENU + ">") || path.startsWith(MENU.replace(">", " > ") + " > ")) found.add(info);
		}
		return found;
	}

	private CommandInfo find(final String label) {
		final String wanted = label.trim().replaceFirst("(\\.\\.\\.|…)$", "");
		for (final CommandInfo info : ours()) {
			final String leaf = info.getMenuPath().getLeaf().getName();
			if (leaf.replaceFirst("\\.\\.\\.$", "").equalsIgnoreCase(wanted)) return info;
		}
		throw new IllegalArgumentException("no command '" + label + "'; the commands are: " + String.join(", ",
			labels()));
	}

	/** The typed inputs from the options; every key must name a parameter. */
	private static Map<String, Object> inputs(final CommandInfo info, final MacroOptions options) {
		final Map<String, ModuleItem<?>> byKey = new LinkedHashMap<>();
		for (final ModuleItem<?> item : info.inputs())
			if (isOption(item)) byKey.put(item.getName().toLowerCase(Locale.ROOT), item);
		final String title = info.getMenuPath().getLeaf().getName();
		final Map<String, Object> inputs = new LinkedHashMap<>();
		for (final Map.Entry<String, String> e : options.values().entrySet()) {
			final ModuleItem<?> item = byKey.get(e.getKey());
			if (item == null) throw new IllegalArgumentException(title + " has no option '" + e.getKey() +
				"'; its options are: " + String.join(" ", byKey.keySet()));
			if (options.isBare(e.getKey())) throw new IllegalArgumentException(e.getKey() + ": write " + e.getKey() +
				"=true; Fiji reads only key=value for these commands and would ignore a bare '" + e.getKey() + "'");
			inputs.put(item.getName(), convert(item, e.getKey(), e.getValue()));
		}
		for (final Map.Entry<String, ModuleItem<?>> e : byKey.entrySet())
			if (e.getValue().isRequired() && e.getValue().getType() == File.class && !inputs.containsKey(e.getValue()
				.getName())) throw new IllegalArgumentException(title + " needs the option " + e.getKey() + "=...");
		return inputs;
	}

	/** Parameters a macro can set: plain values, not services or hidden items. */
	static boolean isOption(final ModuleItem<?> item) {
		final Class<?> t = item.getType();
		return item.getVisibility() != ItemVisibility.MESSAGE && item.getVisibility() != ItemVisibility.INVISIBLE &&
			(t == String.class || t == File.class || isBoolean(t) || isNumber(t));
	}

	private static boolean isBoolean(final Class<?> t) {
		return t == boolean.class || t == Boolean.class;
	}

	private static boolean isNumber(final Class<?> t) {
		return t == int.class || t == Integer.class || t == long.class || t == Long.class || t == double.class ||
			t == Double.class || t == float.class || t == Float.class;
	}

	private static Object convert(final ModuleItem<?> item, final String key, final String value) {
		final Class<?> t = item.getType();
		if (t == String.class) return value;
		if (t == File.class) return value.isEmpty() ? null : new File(value);
		if (isBoolean(t)) {
			if (value.equalsIgnoreCase("true")) return true;
			if (value.equalsIgnoreCase("false")) return false;
			throw new IllegalArgumentException(key + "=" + value + ": expected true or false (or just '" + key + "')");
		}
		try {
			if (t == int.class || t == Integer.class) return Integer.valueOf(value.trim());
			if (t == long.class || t == Long.class) return Long.valueOf(value.trim());
			if (t == float.class || t == Float.class) return Float.valueOf(value.trim());
			return Double.valueOf(value.trim());
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException(key + "=" + value + ": not a number");
		}
	}
}
