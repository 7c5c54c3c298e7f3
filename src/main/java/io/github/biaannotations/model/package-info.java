/**
 * The model every other package works on, without ImageJ: annotations (JTS geometry, plane, name, class,
 * colour, properties) and their writers' interface; label and intensity images as imglib2 rasters with their
 * calibration ({@link io.github.biaannotations.model.LabelImage}, {@link
 * io.github.biaannotations.model.IntensityImage}, made and read plane by plane by {@link
 * io.github.biaannotations.model.Rasters}); pixel masks; units; progress; atomic file writing and one-line error
 * messages.
 */
package io.github.biaannotations.model;
