package dev.trialbase.report;

import com.fasterxml.jackson.databind.json.JsonMapper;

/** The report's one JSON mapper: reading stored specs and plugin lists, writing the page's data. */
final class ReportJson {

  static final JsonMapper MAPPER = new JsonMapper();

  private ReportJson() {
  }
}
