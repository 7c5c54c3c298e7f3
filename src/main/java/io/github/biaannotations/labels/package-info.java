/**
 * Label images, on the model's rasters: label image to polygons ({@link
 * io.github.biaannotations.labels.LabelTracer}, {@link io.github.biaannotations.labels.LabelOutlines}), areas
 * (ROI masks) to a label raster ({@link io.github.biaannotations.labels.MaskLabels}, instance or semantic), and
 * label-safe pyramid downsampling ({@link io.github.biaannotations.labels.Downsampling}). No ImageJ types here.
 */
package io.github.biaannotations.labels;
