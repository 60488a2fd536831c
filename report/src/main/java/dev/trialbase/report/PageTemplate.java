package dev.trialbase.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Assembles the page: {@code template.html} with the style, the report's JSON data, ECharts and
 * the page's own script inlined in place of its markers. Nothing is referenced by URL, so the
 * file opens with no network and no server.
 *
 * <p>ECharts comes from the {@code org.webjars.npm:echarts} jar on the class path. The data is
 * JSON in a {@code <script type="application/json">} element with every {@code <} written as
 * {@code \u003c}, so no value (a spec's text, an error message) can end the element early.
 */
final class PageTemplate {

  /** Where the webjar keeps the minified full build (every chart type, both renderers). */
  static final String ECHARTS = "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";

  private static final String[] MARKERS = {"{{title}}", "/*{{style}}*/", "{{data}}",
      "/*{{echarts}}*/", "/*{{script}}*/"};

  private PageTemplate() {
  }

  /** The page titled {@code title} over {@code json}, the report's data as JSON text. */
  static String page(String title, String json) {
    String template = resource("dev/trialbase/report/template.html");
    String[] parts = {escapeHtml(title), resource("dev/trialbase/report/report.css"),
        json.replace("<", "\\u003c"), resource(ECHARTS), resource("dev/trialbase/report/report.js")};
    StringBuilder out = new StringBuilder(template.length() + parts[2].length() + 1_100_000);
    int from = 0;
    for (int i = 0; i < MARKERS.length; i++) {
      int at = template.indexOf(MARKERS[i], from);
      if (at < 0) {
        throw new IllegalStateException("template.html lacks " + MARKERS[i]);
      }
      out.append(template, from, at).append(parts[i]);
      from = at + MARKERS[i].length();
    }
    return out.append(template, from, template.length()).toString();
  }

  private static String resource(String name) {
    try (InputStream in = PageTemplate.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name + " on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String escapeHtml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
