/**
 * Macro lines of the commands: {@link io.github.biaannotations.fiji.macro.MacroCommandRunner} runs a command by
 * its label with a macro option string as Fiji's {@code --headless --run} does (the command line's {@code run}
 * uses it), {@link io.github.biaannotations.fiji.macro.MacroRecording} gives the line Fiji's recorder writes.
 */
package io.github.biaannotations.fiji.macro;
