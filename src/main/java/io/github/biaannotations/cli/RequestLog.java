package io.github.biaannotations.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;

/** One line per request of the local archive, for whoever runs a workshop: no headers, so no tokens. */
final class RequestLog extends Filter {

	private final PrintWriter out;

	RequestLog(final PrintWriter out) {
		this.out = out;
	}

	@Override
	public void doFilter(final HttpExchange ex, final Chain chain) throws IOException {
		final long t0 = System.nanoTime();
		try {
			chain.doFilter(ex);
		}
		finally {
			final String line = LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + ex.getRemoteAddress()
				.getAddress().getHostAddress() + " " + ex.getRequestMethod() + " " + ex.getRequestURI().getPath() + " " +
				ex.getResponseCode() + " " + (System.nanoTime() - t0) / 1_000_000 + " ms";
			synchronized (out) {
				out.println(line);
				out.flush();
			}
		}
	}

	@Override
	public String description() {
		return "request log";
	}
}
