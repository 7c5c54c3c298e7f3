/**
 * Batch export: a folder of images and their annotations, paired by name ({@link
 * io.github.biaannotations.batch.BatchPairing}), into one package ({@link io.github.biaannotations.batch.BatchExport}).
 * Each image is exported into a part kept in {@code .<package>.batch/} beside the package, so a rerun reuses
 * what did not change; an image that fails is reported and left out; the package is assembled atomically.
 */
package io.github.biaannotations.batch;
