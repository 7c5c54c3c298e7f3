/**
 * The package folder without ImageJ: every file name and path ({@link
 * io.github.biaannotations.submission.PackageLayout}), the annotation files' rows and the submission files
 * ({@link io.github.biaannotations.submission.SubmissionFiles}), the study metadata checked before writing
 * ({@link io.github.biaannotations.submission.PackageMetadata}), the manifest with sha256, when an output folder
 * may be replaced, and the validator that push runs first ({@link
 * io.github.biaannotations.submission.PackageValidator}).
 */
package io.github.biaannotations.submission;
