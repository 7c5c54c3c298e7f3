package io.github.biaannotations.fiji.metadata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.swing.table.AbstractTableModel;

import io.github.biaannotations.metadata.Author;
import io.github.biaannotations.metadata.Identifiers;
import io.github.biaannotations.metadata.Organisation;

/**
 * The authors table of the metadata dialog, editing a live list of {@link Author}s: first and last name,
 * e-mail, ORCID, roles (comma separated) and the first organisation's name; address and ROR id of an existing
 * organisation are kept when its name is edited.
 */
final class MetadataAuthorsTableModel extends AbstractTableModel {

	private static final long serialVersionUID = 1L;

	static final String[] COLUMNS = { "First name *", "Last name *", "E-mail", "ORCID", "Role", "Organisation" };

	private final List<Author> authors;

	MetadataAuthorsTableModel(final List<Author> authors) {
		this.authors = authors;
	}

	@Override
	public int getRowCount() {
		return authors.size();
	}

	@Override
	public int getColumnCount() {
		return COLUMNS.length;
	}

	@Override
	public String getColumnName(final int column) {
		return COLUMNS[column];
	}

	@Override
	public boolean isCellEditable(final int row, final int column) {
		return true;
	}

	@Override
	public Object getValueAt(final int row, final int column) {
		final Author a = authors.get(row);
		switch (column) {
			case 0: return a.firstName();
			case 1: return a.lastName();
			case 2: return a.email();
			case 3: return a.orcidId();
			case 4: return String.join(", ", a.roles());
			default: return a.organisations().isEmpty() ? null : a.organisations().get(0).name();
		}
	}

	@Override
	public void setValueAt(final Object value, final int row, final int column) {
		final Author a = authors.get(row);
		final String v = value == null || value.toString().trim().isEmpty() ? null : value.toString().trim();
		switch (column) {
			case 0: a.firstName(v); break;
			case 1: a.lastName(v); break;
			case 2: a.email(v); break;
			case 3: a.orcidId(Identifiers.normaliseOrcid(v)); break;
			case 4:
				a.roles().clear();
				if (v != null) for (final String r : Arrays.asList(v.split("\\s*[,;]\\s*")))
					if (!r.isEmpty()) a.roles().add(r);
				break;
			default:
				if (v == null) {
					if (!a.organisations().isEmpty()) a.organisations().remove(0);
				}
				else if (a.organisations().isEmpty()) a.organisations().add(new Organisation(v, null, null));
				else a.organisations().get(0).name(v);
		}
		fireTableRowsUpdated(row, row);
	}

	/** Adds an empty author after {@code row} (or at the end for -1) and returns its row. */
	int add(final int row) {
		final int at = row < 0 ? authors.size() : row + 1;
		final Author a = new Author();
		// a new author usually shares the organisation of the one above
		if (at > 0) for (final Organisation o : authors.get(at - 1).organisations())
			a.organisations().add(o.copy());
		authors.add(at, a);
		fireTableRowsInserted(at, at);
		return at;
	}

	void remove(final int row) {
		authors.remove(row);
		fireTableRowsDeleted(row, row);
	}

	/** Moves the author at {@code row} by {@code delta} rows; returns the new row. */
	int move(final int row, final int delta) {
		final int to = row + delta;
		if (row < 0 || to < 0 || to >= authors.size()) return row;
		final List<Author> copy = new ArrayList<>(authors);
		authors.set(to, copy.get(row));
		authors.set(row, copy.get(to));
		fireTableRowsUpdated(Math.min(row, to), Math.max(row, to));
		return to;
	}
}
