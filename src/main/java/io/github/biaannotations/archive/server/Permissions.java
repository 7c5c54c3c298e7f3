package io.github.biaannotations.archive.server;

import io.github.biaannotations.archive.server.LocalArchiveServer.Role;

/**
 * Who may do what, as the real server's {@code UserPrivilegesService} decides it (archive-server-facts.md §7,
 * §8), with the local archive's one collection: a collection admin administers BioImages.
 */
final class Permissions {

	private final ArchiveStore store;

	Permissions(final ArchiveStore store) {
		this.store = store;
	}

	private boolean superuser(final String login) {
		return store.roleOf(login) == Role.SUPERUSER;
	}

	private boolean collectionAdmin(final String login, final String collection) {
		return store.roleOf(login) == Role.ADMIN && AccountEndpoints.COLLECTION.equalsIgnoreCase(collection);
	}

	/** AttachTo a collection when a new accession is allocated: superuser, collection admin or ATTACH. */
	boolean canSubmitToCollection(final String login, final String collection) {
		if (!AccountEndpoints.COLLECTION.equalsIgnoreCase(collection)) return superuser(login);
		return superuser(login) || store.roleOf(login) == Role.ADMIN || store.roleOf(login) == Role.ATTACH;
	}

	/**
	 * Giving an accession that was never persisted (a retry after an INVALID first version, or a made-up one):
	 * superusers and collection admins only.
	 */
	boolean canProvideAccNo(final String login, final String collection) {
		return superuser(login) || collectionAdmin(login, collection);
	}

	/** A new version of a persisted submission: its owner, a superuser or an admin of its collection. */
	boolean canResubmit(final String login, final SubmissionRecord record) {
		return superuser(login) || record.owner.equals(login) || collectionAdmin(login, collectionOf(record));
	}

	/** Changing the release date of a public study, or giving a past one: superuser or collection admin. */
	boolean canUpdateReleaseDate(final String login, final String collection) {
		return superuser(login) || collectionAdmin(login, collection);
	}

	/** Replacing or removing files of a released study: collection admin only (not even a superuser). */
	boolean canDeleteFiles(final String login, final SubmissionRecord record) {
		return collectionAdmin(login, collectionOf(record));
	}

	/** Reading a submission or request: its owner, a superuser or an admin of its collection. */
	boolean canRead(final String login, final SubmissionRecord record) {
		return record != null && canResubmit(login, record);
	}

	private static String collectionOf(final SubmissionRecord record) {
		final SubmissionRecord.Request p = record.persisted();
		return p != null ? p.collection : record.latest() != null ? record.latest().collection : null;
	}
}
