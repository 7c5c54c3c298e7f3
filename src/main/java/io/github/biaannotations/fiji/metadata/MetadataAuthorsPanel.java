package io.github.biaannotations.fiji.metadata;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.GridLayout;
import java.util.List;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.ListSelectionModel;

import io.github.biaannotations.metadata.Author;

/** The Authors section of the metadata dialog: a table with Add, Remove, Up and Down (Alt+A, E, U, W). */
final class MetadataAuthorsPanel extends JPanel {

	private static final long serialVersionUID = 1L;

	private final MetadataAuthorsTableModel model;
	private final JTable table;
	private final JScrollPane scroll;

	MetadataAuthorsPanel(final List<Author> authors, final Runnable changed) {
		super(new BorderLayout());
		setBorder(BorderFactory.createTitledBorder("Authors * (double-click or type to edit; Ctrl+Tab leaves the table)"));
		model = new MetadataAuthorsTableModel(authors);
		table = new JTable(model);
		table.setName("authors");
		table.putClientProperty("terminateEditOnFocusLost", Boolean.TRUE);
		table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
		table.setSurrendersFocusOnKeystroke(true);
		model.addTableModelListener(e -> changed.run());
		scroll = new JScrollPane(table);
		scroll.setPreferredSize(new Dimension(500, 260));
		add(scroll, BorderLayout.CENTER);
		final JPanel buttons = new JPanel(new GridLayout(1, 4, 4, 0));
		buttons.add(button("Add", 'A', "author.add", () -> select(model.add(table.getSelectedRow()))));
		buttons.add(button("Remove", 'E', "author.remove", () -> {
			final int r = table.getSelectedRow();
			if (r >= 0) {
				model.remove(r);
				if (model.getRowCount() > 0) select(Math.min(r, model.getRowCount() - 1));
			}
		}));
		buttons.add(button("Up", 'U', "author.up", () -> select(model.move(table.getSelectedRow(), -1))));
		buttons.add(button("Down", 'W', "author.down", () -> select(model.move(table.getSelectedRow(), 1))));
		add(buttons, BorderLayout.SOUTH);
	}

	private JButton button(final String text, final char mnemonic, final String name, final Runnable action) {
		final JButton b = new JButton(text);
		b.setMnemonic(mnemonic);
		b.setName(name);
		b.addActionListener(e -> {
			stopEditing();
			action.run();
		});
		return b;
	}

	private void select(final int row) {
		if (row >= 0 && row < model.getRowCount()) {
			table.setRowSelectionInterval(row, row);
			table.requestFocusInWindow();
		}
	}

	void stopEditing() {
		if (table.isEditing()) table.getCellEditor().stopCellEditing();
	}

	void refresh() {
		model.fireTableDataChanged();
	}

	void setError(final boolean error) {
		scroll.setBorder(error ? BorderFactory.createLineBorder(new Color(200, 0, 0), 2) : new JScrollPane()
			.getBorder());
	}

	JTable table() {
		return table;
	}
}
