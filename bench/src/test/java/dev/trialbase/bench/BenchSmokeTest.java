package dev.trialbase.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trialbase.store.Database;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each benchmark at a tiny size, so that the harness cannot rot: the runs complete, store what
 * they should and the reports hold sane numbers. Nothing here is timed against a target.
 */
class BenchSmokeTest {

  @TempDir
  Path dir;

  @Test
  void allRunsEveryBenchmarkButSearchAtItsDefaults() {
    List<String> names = new java.util.ArrayList<>();
    for (List<String> run : Bench.All.RUNS) {
      picocli.CommandLine.ParseResult parsed = new picocli.CommandLine(new Bench())
          .parseArgs(run.toArray(String[]::new));
      assertThat(parsed.subcommand().commandSpec().userObject())
          .isInstanceOf(Bench.Benchmark.class);
      names.add(run.get(0));
    }
    List<String> every = new picocli.CommandLine(new Bench()).getSubcommands().keySet().stream()
        .filter(name -> !name.equals("all") && !name.equals("search")
            && !name.equals("spark")).toList();
    assertThat(names).containsAll(every);
    Bench.Overhead accuracy = (Bench.Overhead) new picocli.CommandLine(new Bench())
        .parseArgs("overhead", "--metrics", "accuracy").subcommand().commandSpec().userObject();
    assertThat(accuracy.trials).isEqualTo(20_000);
    assertThat(accuracy.metrics).containsExactly("accuracy");
  }

  @Test
  void overheadRunsNoopTrialsThroughThePluginAndStoresEveryRow() throws Exception {
    OverheadBench.Result result = OverheadBench.run(dir, 200, 50, 2, 1);
    assertThat(result.runs()).hasSize(2);
    for (OverheadBench.Run run : result.runs()) {
      assertThat(run.trials()).isEqualTo(200);
      assertThat(run.complete()).isEqualTo(200);
      assertThat(run.paramRows()).isEqualTo(200 * 4);
      assertThat(run.foldRows()).isEqualTo(200 * 5 * 6);
      assertThat(run.seconds()).isPositive();
      assertThat(run.transactions()).isBetween(3L, 202L);
      assertThat(run.storeMillis()).isPositive().isLessThan(run.seconds() * 1000);
    }
    assertThat(result.best().trialsPerSecond()).isGreaterThanOrEqualTo(
        result.median().trialsPerSecond());
    assertThat(table(OverheadBench.report(result))).contains("| 1 overhead | noop trials/s")
        .contains(">= 20,000");
  }

  @Test
  void objectiveOverheadStoresEveryTrialOfTheNoopObjective() {
    ObjectiveOverheadBench.Result result = ObjectiveOverheadBench.run(dir, 200, 50, 2, 1);
    assertThat(result.runs()).hasSize(2);
    for (ObjectiveOverheadBench.Run run : result.runs()) {
      assertThat(run.trials()).isEqualTo(200);
      assertThat(run.complete()).isEqualTo(200);
      assertThat(run.paramRows()).isEqualTo(200 * 4);
      assertThat(run.seconds()).isPositive();
    }
    assertThat(table(ObjectiveOverheadBench.report(result)))
        .contains("| 1 overhead | noop objective trials/s").contains(">= 20,000");
  }

  @Test
  void storeMeasuresTheRecorderAndSqliteAlone() {
    List<RecorderBench.Point> points = RecorderBench.run(dir, 100);
    assertThat(points).extracting(RecorderBench.Point::group)
        .containsExactly(1, 2, 16, 256, 256, 256);
    assertThat(points).allMatch(p -> p.microsPerTrial() > 0);
    assertThat(points.get(4).stored()).isTrue();
    assertThat(points.get(5).floor()).isTrue();
    // The recorder and SQLite alone store the same rows.
    for (String file : List.of("recorder-1-1.db", "recorder-1-256.db", "recorder-stored-1.db",
        "recorder-floor-1.db")) {
      Database db = Database.openReadOnly(dir.resolve(file));
      try (Handle h = db.jdbi().open()) {
        assertThat(count(h, "select count(*) from trials")).isEqualTo(100);
        assertThat(count(h, "select count(*) from params")).isEqualTo(400);
        assertThat(count(h, "select count(*) from fold_metrics")).isEqualTo(3000);
        assertThat(count(h, "select count(*) from trial_metrics")).isEqualTo(600);
      }
    }
    assertThat(table(RecorderBench.report(points))).contains("SQLite alone")
        .contains("recordStored");
  }

  @Test
  void titanicProbeSplitsARealWekaRunIntoItsParts() throws Exception {
    // The lesson's grid cut to two points, one of which Weka refuses (l1).
    Path spec = dir.resolve("grid.json");
    Files.writeString(spec, Files.readString(Env.root().resolve("examples/titanic/grid.json"))
        .replaceAll("\"C\": \\[[^]]*]", "\"C\": [1]")
        .replaceAll("\"penalty\": \\[[^]]*]", "\"penalty\": [\"l2\", \"l1\"]")
        .replaceAll("\"solver\": \\[[^]]*]", "\"solver\": [\"lbfgs\"]"));
    for (String csv : List.of("train.csv", "test.csv")) {
      Files.copy(Env.root().resolve("examples/titanic").resolve(csv), dir.resolve(csv));
    }
    TitanicBench.Result result = TitanicBench.run(dir, spec, 1, Launch.plainJava(), false);
    TitanicBench.Probe p = result.medianProbe();
    assertThat(p.trials()).isEqualTo(2);
    assertThat(p.failed()).isEqualTo(1);
    assertThat(p.best()).isBetween(0.6, 0.95);
    assertThat(Double.parseDouble(p.test())).isBetween(0.6, 0.95);
    assertThat(p.jvmStart()).isPositive();
    assertThat(p.load()).isPositive();
    assertThat(p.store()).isPositive().isLessThan(p.execute());
    assertThat(p.transactions()).isBetween(1L, 2L); // group commits of the two trials
    assertThat(p.wall()).isGreaterThan(p.load() + p.prepare() + p.open() + p.execute());
    assertThat(result.launcherWalls()).hasSize(1);
    assertThat(table(TitanicBench.report(result))).contains("- plugin loading")
        .contains("2 / 1 / ");
  }

  @Test
  void wekaComparesThePluginWithRawWekaOnTheSameFolds() throws Exception {
    List<WekaBench.Result> results = WekaBench.run(
        Env.root().resolve("examples/weka/credit-g.arff"), 1, List.of("J48"));
    assertThat(results).singleElement().satisfies(r -> {
      assertThat(r.folds()).isEqualTo(5);
      assertThat(r.pluginMillis()).isPositive();
      assertThat(r.rawMillis()).isPositive();
    });
    assertThat(table(WekaBench.report(results))).contains("| weka J48 | time per fold");
  }

  @Test
  void parallelRunsTheCpuEstimatorAtOneAndTwoJobs() throws Exception {
    ParallelBench.Result result = ParallelBench.run(dir, 4, 4);
    assertThat(result.jobs1Complete()).isEqualTo(4);
    assertThat(result.jobs2Complete()).isEqualTo(4);
    assertThat(result.work()).isPositive();
    assertThat(result.speedup()).isPositive();
    assertThat(table(ParallelBench.report(result))).contains("| 3 parallel | speed-up");
  }

  @Test
  void queryDatabaseIsConsistentAndEveryQueryAnswers() throws Exception {
    QueryBench.Result result = QueryBench.run(dir, 2_000, 1, Launch.plainJava(), false);
    Database db = Database.openReadOnly(result.database());
    try (Handle h = db.jdbi().open()) {
      assertThat(count(h, "select count(*) from trials")).isEqualTo(2_000 + 1_000);
      assertThat(count(h, "select count(*) from params")).isEqualTo(3 * 3_000);
      long complete = count(h, "select count(*) from trials where status = 'complete'");
      assertThat(complete).isBetween(2_700L, 3_000L);
      assertThat(count(h, "select count(*) from fold_metrics")).isEqualTo(5 * complete);
      // Every mean is the mean of its five fold scores.
      assertThat(count(h, """
          select count(*) from trial_metrics m where abs(m.mean - (select avg(f.value)
            from fold_metrics f where f.run_id = m.run_id and f.trial_number = m.trial_number
            and f.metric = m.metric)) > 1e-12
          """)).isZero();
      assertThat(count(h, """
          select count(*) from runs r where r.best_trial = (select t.number from trials t
            where t.run_id = r.id and t.status = 'complete' order by t.objective desc, t.number
            limit 1)""")).isEqualTo(2);
    }
    assertThat(result.timings()).hasSize(4);
    for (QueryBench.Timing t : result.timings()) {
      assertThat(t.warm()).hasSize(1).allMatch(ms -> ms > 0);
      assertThat(t.cold()).hasSize(1).allMatch(ms -> ms > 0);
    }
    List<String> outputs = result.timings().stream().map(QueryBench.Timing::output).toList();
    assertThat(outputs.get(0)).contains("number");
    assertThat(outputs.get(1).lines().count()).isEqualTo(11); // header and ten trials
    assertThat(outputs.get(2).lines().skip(1)).isNotEmpty().allMatch(l -> l.contains("l2"));
    assertThat(outputs.get(3)).contains("paired tests").contains("1 vs 2");
    assertThat(table(QueryBench.report(result))).contains("`best 1` in-process, warm");
  }

  @Test
  void startupTimesTheCliOnASmallDatabase() throws Exception {
    StartupBench.Result result = StartupBench.run(dir, 1, Launch.plainJava(), false);
    assertThat(result.output()).contains("bench-query");
    assertThat(result.launcher()).hasSize(1).allMatch(ms -> ms > 0);
    assertThat(table(StartupBench.report(result))).contains("< 300 ms");
  }

  @Test
  void sideBySideRunsBothSidesOfASmallSearchAlternately() throws Exception {
    Path titanic = Env.root().resolve("examples/titanic");
    SideBySideBench.Case small = SideBySideBench.smallSearch(dir, "titanic",
        titanic.resolve("train.csv"), titanic.resolve("test.csv"), "Survived");
    SideBySideBench.Result result = SideBySideBench.run(dir, List.of(small), 1,
        Launch.plainJava());
    SideBySideBench.Timing t = result.timings().get(0);
    assertThat(t.trialbase()).hasSize(1).allMatch(ms -> ms > 0);
    // Weka's logistic regression on the lesson's data: best CV accuracy about 0.86.
    assertThat(Double.parseDouble(t.trialbaseBest())).isBetween(0.8, 0.9);
    String table = table(SideBySideBench.report(result));
    if (result.sklearn()) {
      assertThat(t.sklearn()).hasSize(1);
      assertThat(Double.parseDouble(t.sklearnBest())).isBetween(0.8, 0.9);
      assertThat(table).contains("ratio Trialbase / scikit-learn").contains("<= 1.0x");
    } else {
      assertThat(t.sklearn()).isEmpty();
      assertThat(table).contains("not installed").doesNotContain("ratio");
    }
  }

  @Test
  void memoryRunFinishesInASmallHeapAndReportsItsPeak() throws Exception {
    MemoryBench.Result result = MemoryBench.run(dir, 200, "256m");
    assertThat(result.fits()).as(result.err()).isTrue();
    assertThat(result.stored()).isEqualTo(200);
    assertThat(result.peakUsed()).isPositive().isLessThanOrEqualTo(result.max());
    assertThat(result.max()).isLessThanOrEqualTo(256L << 20);
    assertThat(result.firstTenthMillis()).isPositive();
    assertThat(result.lastTenthMillis()).isPositive();
    assertThat(table(MemoryBench.report(result))).contains("| 5 memory |").contains("| yes |");
  }

  @Test
  void largeRunResumesReproducesIdenticallyAndExports() throws Exception {
    java.util.List<LargeRunBench.Step> steps = LargeRunBench.run(dir, 300, "256m");
    assertThat(steps).extracting(LargeRunBench.Step::exitCode).containsOnly(0);
    assertThat(steps).extracting(LargeRunBench.Step::peakRssKb).allMatch(kb -> kb > 0);
    assertThat(steps.get(1).command()).isEqualTo("resume (3 trials missing)");
    assertThat(steps.get(1).outcome()).contains("run 1 complete: 300 trials");
    assertThat(steps.get(2).outcome()).startsWith("identical: run 2 repeats run 1");
    assertThat(steps.get(3).outcome()).contains("wrote 300 trials of run 1");
    assertThat(table(LargeRunBench.report(steps, 300, "256m"))).contains("| 5b large run |")
        .contains("| yes |").doesNotContain("| no |");
  }

  @Test
  void dataReadsTheSameTableAsCsvAndArffInAChildJvm() throws Exception {
    java.util.List<DataBench.Result> results = DataBench.run(dir, 300, 6, "128m");
    assertThat(results).extracting(DataBench.Result::format).containsExactly("csv", "arff");
    for (DataBench.Result r : results) {
      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(r.rows()).isEqualTo(300);
      assertThat(r.cells()).isEqualTo(300 * 7);
    }
    assertThat(table(DataBench.report(results))).contains("| data csv |").contains("| data arff |");
  }

  @Test
  void reportWritesTheBigRunsPageAndMeasuresIt() throws Exception {
    ReportBench.Result result = ReportBench.run(dir, dir, 500, 1, "256m", false);
    assertThat(result.warmMillis()).hasSize(1).allMatch(ms -> ms > 0);
    assertThat(result.coldMillis()).hasSize(1).allMatch(ms -> ms > 0);
    assertThat(result.trialsListMillis()).hasSize(1).allMatch(ms -> ms > 0);
    assertThat(result.coldCpuMillis()).hasSize(1).allMatch(ms -> ms > 0);
    assertThat(result.warmCpuMillis()).hasSize(1).allMatch(ms -> ms > 0);
    assertThat(result.output()).startsWith("wrote ");
    assertThat(Files.readString(dir.resolve("report-1.html"))).contains("report-data")
        .contains("\"trialCount\":500");
    assertThat(result.bytes()).isGreaterThan(1_000_000); // ECharts alone is 1 MB
    assertThat(result.twoRunsBytes()).isGreaterThan(result.bytes());
    assertThat(table(ReportBench.report(result))).contains("| 6 report |").contains("< 10 MB");
  }

  private static long count(Handle h, String sql) {
    return h.createQuery(sql).mapTo(Long.class).one();
  }

  private static String table(Report report) {
    StringWriter out = new StringWriter();
    report.print(new PrintWriter(out));
    return out.toString();
  }
  @Test
  void tpeBenchTimesProposalsThroughThePlugin() {
    List<TpeBench.Point> points = TpeBench.run(List.of(60), 3);
    assertThat(points).extracting(TpeBench.Point::multivariate).containsExactly(false, true);
    assertThat(points).allMatch(p -> p.history() == 60 && p.medianCpuMillis() >= 0
        && p.medianMillis() > 0);
    assertThat(table(TpeBench.report(points))).contains("| tpe | univariate proposal, 60 "
        + "finished trials");
  }

  @Test
  void searchBenchRunsEveryMethodAndCountsFits() throws Exception {
    List<SearchBench.Outcome> outcomes = SearchBench.run(dir,
        SearchBench.problems().subList(0, 1), 1, 16, 1);
    assertThat(outcomes).extracting(SearchBench.Outcome::method)
        .containsExactly("random", "tpe", "tpe+median");
    assertThat(outcomes.get(0).fits()).isEqualTo(16 * 5);
    assertThat(outcomes.get(2).fits()).isLessThanOrEqualTo(16 * 5);
    assertThat(outcomes).allMatch(o -> o.bestAfter()[0] > 0.5 && o.bestAfter()[0] <= 1);
    assertThat(table(SearchBench.report(outcomes))).contains("search titanic")
        .contains("median pruner: fold fits saved");
  }
}
