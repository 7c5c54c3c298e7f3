#@ AnnotationExportService exporter
#@ File (label = "Folder of images and annotations", style = "directory") folder
#@ File (label = "Package folder", style = "directory") output
#@ File (label = "MIFA metadata (YAML file or folder)", required = false) metadata
#@output String result

# Exports a whole folder as one package (Jython). Images pair with their annotations by name:
# img.tif with img.zip, img_RoiSet.zip or img.roi, and with img_labels.tif or labels/img.tif.
# A rerun reuses what is already exported; images that fail are listed and left out.

from io.github.biaannotations.batch import BatchReport, BatchRequest
from io.github.biaannotations.metadata import MifaMetadata

request = BatchRequest.of(folder.toPath(), output.toPath())
if metadata is not None:
	request.metadata(MifaMetadata.load(metadata.toPath()))
report = exporter.batch(request)
print(report.table())
for w in exporter.lastWarnings():
	print("warning: " + w)
Status = BatchReport.Status
result = "%d exported, %d reused from the last run, %d failed" % (
	report.count(Status.EXPORTED), report.count(Status.DONE_BEFORE), report.count(Status.FAILED))
