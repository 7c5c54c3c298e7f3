/**
 * Import, the way back to Fiji: GeoJSON (ours or QuPath's) to ImageJ ROIs and a {@code RoiSet.zip} ({@link
 * io.github.biaannotations.importing.GeoJsonImport}), an OME-Zarr label image to an ImageJ label image and a
 * TIFF ({@link io.github.biaannotations.importing.LabelImageImport}).
 */
package io.github.biaannotations.importing;
