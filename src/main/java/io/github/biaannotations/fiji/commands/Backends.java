package io.github.biaannotations.fiji.commands;

import java.util.List;

import org.scijava.plugin.PluginService;
import org.scijava.plugin.SciJavaPlugin;

/** Finds the implementation of a plugin type that other modules of the project provide. */
final class Backends {

	private Backends() {}

	/**
	 * @throws IllegalStateException saying which part is missing when no implementation is installed
	 */
	static <T extends SciJavaPlugin> T first(final PluginService plugins, final Class<T> type, final String what) {
		final List<T> found = plugins == null ? List.of() : plugins.createInstancesOfType(type);
		if (found.isEmpty()) throw new IllegalStateException(what + " is not available in this installation (no " +
			type.getSimpleName() + " plugin found); update bia-annotations");
		return found.get(0);
	}
}
