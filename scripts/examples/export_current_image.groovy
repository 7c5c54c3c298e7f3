#@ AnnotationExportService exporter
#@ File (label = "Package folder", style = "directory") output
#@ File (label = "MIFA metadata (YAML file or folder)", required = false) metadata
#@output String result

// Exports the current image with its ROIs (ROI Manager, else overlay) into a submission package.
// Run from Fiji's script editor (language: Groovy) or headless:
//   ImageJ-linux64 --headless --run export_current_image.groovy "output='/data/pkg',metadata='/data/study.yaml'"

import ij.IJ

def image = IJ.getImage()
def summary = exporter.exportImage(image, output, metadata)
exporter.lastWarnings().each { println "warning: " + it }
result = "Exported " + summary.rois() + " ROIs from " + image.getTitle() + " into " + summary.out()
summary.files().each { println "  " + it }
