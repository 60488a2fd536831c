/*
 * trialbase report: draws the report's data (the JSON in #report-data) with ECharts' SVG
 * renderer. Plain ES2017, no other library. Every plot lives in a div.plot[data-plot=NAME];
 * the browser test checks each one holds a drawn SVG.
 */
(function () {
  'use strict';

  var data = JSON.parse(document.getElementById('report-data').textContent);
  var root = document.getElementById('report');
  var FAILURE_SYMBOLS = ['triangle', 'diamond', 'rect', 'pin', 'arrow'];
  var FAILURE_COLORS = ['#d62728', '#ff7f0e', '#9467bd', '#8c564b', '#7f7f7f'];

  // ---- DOM helpers -------------------------------------------------------------------------

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) {
      e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return e;
  }

  function add(parent, tag, attrs, children) {
    return parent.appendChild(el(tag, attrs, children));
  }

  function fmt(v) {
    if (v === null || v === undefined) { return ''; }
    if (typeof v === 'number') {
      if (Number.isInteger(v)) { return String(v); }
      return Math.abs(v) >= 1e-3 && Math.abs(v) < 1e6 ? String(+v.toPrecision(6)) : v.toExponential(4);
    }
    if (typeof v === 'object') { return JSON.stringify(v); }
    return String(v);
  }

  /** A choice's label: the page's one way of turning a value into a category name. */
  function label(v) {
    return v === null || v === undefined ? 'null' : String(v);
  }

  function paramsText(params) {
    return Object.keys(params || {}).map(function (k) { return k + ' = ' + fmt(params[k]); });
  }

  function escapeHtml(s) {
    return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  }

  function note(parent, text) {
    return add(parent, 'p', {'class': 'note'}, [text]);
  }

  /** Key/value pairs from an ordered object, two pairs a row; lists become lines. */
  function keyValues(parent, obj) {
    var list = add(parent, 'dl', {'class': 'kv'});
    Object.keys(obj).forEach(function (k) {
      var v = obj[k];
      var text;
      if (Array.isArray(v)) {
        text = v.map(fmt).join('\n');
      } else if (v !== null && typeof v === 'object') {
        text = Object.keys(v).map(function (x) { return x + ': ' + fmt(v[x]); }).join(', ');
      } else {
        text = fmt(v);
      }
      add(list, 'dt', {}, [k]);
      add(list, 'dd', {}, [text]);
    });
    return list;
  }

  /** A table of rows (arrays) under columns; sortable by clicking a header when asked. */
  function table(parent, columns, rows, sortable) {
    var wrap = add(parent, 'div', {'class': 'scroll'});
    var t = add(wrap, 'table', sortable ? {'class': 'sortable'} : {});
    var headRow = add(add(t, 'thead'), 'tr');
    var body = add(t, 'tbody');
    var order = rows.slice();
    function fill() {
      body.textContent = '';
      var html = [];
      order.forEach(function (r) {
        html.push('<tr>' + r.map(function (v) {
          var text = escapeHtml(fmt(v));
          if (typeof v === 'number') { return '<td class="num">' + text + '</td>'; }
          return text.length > 60 ? '<td class="long" title="' + text.replace(/"/g, '&quot;') + '">' + text + '</td>'
            : '<td>' + text + '</td>';
        }).join('') + '</tr>');
      });
      body.innerHTML = html.join('');
    }
    columns.forEach(function (c, i) {
      var th = add(headRow, 'th', {}, [c]);
      if (!sortable) { return; }
      th.addEventListener('click', function () {
        var desc = th.classList.contains('asc');
        Array.prototype.forEach.call(headRow.children, function (h) { h.className = ''; });
        th.className = desc ? 'desc' : 'asc';
        order.sort(function (a, b) { return compareValues(a[i], b[i], desc); });
        fill();
      });
    });
    fill();
    return t;
  }

  /** Numbers numerically, text alphabetically, empty cells last in either direction. */
  function compareValues(a, b, desc) {
    var emptyA = a === null || a === undefined;
    var emptyB = b === null || b === undefined;
    if (emptyA || emptyB) { return emptyA === emptyB ? 0 : (emptyA ? 1 : -1); }
    var c = typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
    return desc ? -c : c;
  }

  // ---- Plots --------------------------------------------------------------------------------

  function plot(parent, name, option, tall) {
    var div = add(parent, 'div', {'class': 'plot' + (tall ? ' tall' : ''), 'data-plot': name});
    var chart = echarts.init(div, null, {renderer: 'svg'});
    option.animation = false;
    // Draw every series in one pass: progressive rendering would spread a large series over
    // many frames, and a page printed or captured early would miss part of it.
    (option.series || []).forEach(function (s) { s.progressive = 0; });
    chart.setOption(option);
    window.addEventListener('resize', function () { chart.resize(); });
    return chart;
  }

  function better(maximize) { return maximize ? 'higher is better' : 'lower is better'; }

  function column(table, name) { return table.columns.indexOf(name); }

  /** Trial number -> its row in the sampled table, for tooltips. */
  function rowsByNumber(tbl) {
    var m = {};
    tbl.rows.forEach(function (r) { m[r[0]] = r; });
    return m;
  }

  function trialTooltip(run, byNumber, number, extra) {
    var lines = ['trial ' + number].concat(extra || []);
    var row = byNumber[number];
    if (row) {
      run.params.forEach(function (p) {
        lines.push(p.name + ' = ' + fmt(row[column(run.table, 'param:' + p.name)]));
      });
      var err = row[column(run.table, 'error')];
      if (err) { lines.push('error: ' + err); }
    } else if (run.table.sampled) {
      lines.push('(parameters: this trial is not in the table\'s sample)');
    }
    return lines.map(escapeHtml).join('<br>');
  }

  function historyPlot(parent, run, byNumber) {
    var h = run.history;
    var points = [];
    var failures = {};
    var lo = Infinity, hi = -Infinity;
    var number = h.n ? function (i) { return h.n[i]; } : function (i) { return h.first + i; };
    for (var i = 0; i < h.y.length; i++) {
      if (h.y[i] !== null) {
        points.push([number(i), h.y[i]]);
        lo = Math.min(lo, h.y[i]);
        hi = Math.max(hi, h.y[i]);
      }
    }
    if (!isFinite(lo)) { lo = 0; hi = 1; }
    var pad = (hi - lo) * 0.08 || 0.05;
    var floor = lo - pad;
    for (var j = 0; j < h.y.length; j++) {
      var status = h.statuses[h.s[j]];
      if (h.y[j] === null && status !== 'running' && status !== 'complete') {
        (failures[status] = failures[status] || []).push([number(j), floor]);
      }
    }
    var series = [{
      name: 'trial ' + run.objective, type: 'scatter', data: points, symbolSize: points.length > 5000 ? 2 : 5,
      large: points.length > 5000, itemStyle: {color: '#4e79a7', opacity: 0.7}
    }, {
      name: 'best so far', type: 'line', step: 'end', data: run.bestSoFar, showSymbol: false,
      lineStyle: {color: '#e15759', width: 2}
    }];
    Object.keys(failures).forEach(function (status, k) {
      series.push({
        name: status + ' (no score; drawn at the bottom)', type: 'scatter', data: failures[status],
        symbol: FAILURE_SYMBOLS[k % FAILURE_SYMBOLS.length], symbolSize: 7, large: failures[status].length > 5000,
        itemStyle: {color: FAILURE_COLORS[k % FAILURE_COLORS.length], opacity: 0.8}
      });
    });
    plot(parent, 'history-' + run.id, {
      title: {text: 'Optimization history', left: 'center', textStyle: {fontSize: 14}},
      legend: {bottom: 0, type: 'scroll'},
      grid: {left: 64, right: 24, top: 40, bottom: 64},
      tooltip: {trigger: 'item', formatter: function (p) {
        return trialTooltip(run, byNumber, p.value[0],
          p.seriesIndex === 0 || p.seriesIndex === 1 ? [p.seriesName + ': ' + fmt(p.value[1])] : [p.seriesName]);
      }},
      xAxis: {type: 'value', name: 'trial', nameLocation: 'middle', nameGap: 24, min: 'dataMin', max: 'dataMax'},
      yAxis: {type: 'value', scale: true, name: run.objective + ' (' + better(run.maximize) + ')',
        nameTextStyle: {align: 'left'}, axisLabel: {formatter: fmt}},
      series: series
    }, true);
  }

  /** The sampled complete trials: [param value, objective, trial number] for one parameter. */
  function sliceData(run, p) {
    var t = run.table;
    var pi = column(t, 'param:' + p.name), yi = column(t, 'metric:' + run.objective);
    var si = column(t, 'status');
    var out = [];
    t.rows.forEach(function (r) {
      if (r[si] !== 'complete' || r[yi] === null || r[yi] === undefined) { return; }
      var x = r[pi];
      if (p.axis === 'category') {
        x = label(x);
      } else if (typeof x !== 'number' || (p.axis === 'log' && x <= 0)) {
        return;
      }
      out.push([x, r[yi], r[0]]);
    });
    return out;
  }

  function slicePlots(parent, run, byNumber) {
    var grid = add(parent, 'div', {'class': 'grid2'});
    run.params.forEach(function (p) {
      var xAxis = p.axis === 'category' ? {type: 'category', data: p.categories.map(label)}
        : {type: p.axis === 'log' ? 'log' : 'value', scale: true};
      xAxis.name = p.name + (p.axis === 'log' ? ' (log)' : '');
      xAxis.nameLocation = 'middle';
      xAxis.nameGap = 26;
      plot(grid, 'slice-' + run.id + '-' + p.name, {
        title: {text: 'Slice: ' + p.name, left: 'center', textStyle: {fontSize: 13}},
        grid: {left: 60, right: 16, top: 36, bottom: 44},
        tooltip: {trigger: 'item', formatter: function (q) {
          return trialTooltip(run, byNumber, q.value[2], [run.objective + ': ' + fmt(q.value[1])]);
        }},
        xAxis: xAxis,
        yAxis: {type: 'value', scale: true, name: run.objective, axisLabel: {formatter: fmt}},
        series: [{type: 'scatter', data: sliceData(run, p), symbolSize: 6,
          itemStyle: {color: '#4e79a7', opacity: 0.6}}]
      });
    });
  }

  function parallelPlot(parent, run, byNumber) {
    var t = run.table;
    var si = column(t, 'status'), yi = column(t, 'metric:' + run.objective);
    var axes = run.params.map(function (p, i) {
      var a = {dim: i, name: p.name};
      if (p.axis === 'category') { a.type = 'category'; a.data = p.categories.map(label); }
      else if (p.axis === 'log') { a.type = 'log'; }
      else { a.type = 'value'; a.scale = true; }
      return a;
    });
    axes.push({dim: run.params.length, name: run.objective, type: 'value', scale: true});
    var rows = [], lo = Infinity, hi = -Infinity;
    t.rows.forEach(function (r) {
      if (r[si] !== 'complete' || r[yi] === null) { return; }
      var v = run.params.map(function (p) {
        var x = r[column(t, 'param:' + p.name)];
        return p.axis === 'category' ? label(x) : x;
      });
      v.push(r[yi]);
      v.push(r[0]);
      lo = Math.min(lo, r[yi]);
      hi = Math.max(hi, r[yi]);
      rows.push(v);
    });
    if (!isFinite(lo)) { lo = 0; hi = 1; }
    plot(parent, 'parallel-' + run.id, {
      title: {text: 'Parallel coordinates (colour: ' + run.objective + ')', left: 'center', textStyle: {fontSize: 14}},
      parallel: {left: 60, right: 110, top: 60, bottom: 30},
      parallelAxis: axes,
      visualMap: {type: 'continuous', min: lo, max: hi === lo ? lo + 1e-9 : hi, dimension: run.params.length,
        right: 8, top: 'middle', calculable: true, precision: 4, text: [fmt(hi), fmt(lo)],
        inRange: {color: run.maximize ? ['#d0d5e8', '#3a4f9c', '#e15759'] : ['#e15759', '#3a4f9c', '#d0d5e8']}},
      tooltip: {trigger: 'item', formatter: function (q) {
        return trialTooltip(run, byNumber, q.value[q.value.length - 1],
          [run.objective + ': ' + fmt(q.value[run.params.length])]);
      }},
      series: [{type: 'parallel', data: rows, lineStyle: {width: 1, opacity: 0.5}}]
    }, true);
  }

  function importancePlot(parent, run) {
    var shares = run.importance.shares.slice().reverse();
    plot(parent, 'importance-' + run.id, {
      title: {text: 'Parameter importance (share of ' + run.objective + ' variance, \u03b7\u00b2)', left: 'center',
        textStyle: {fontSize: 14}},
      grid: {left: 120, right: 40, top: 40, bottom: 30},
      tooltip: {trigger: 'item', formatter: function (q) {
        var s = shares[q.dataIndex];
        return escapeHtml(s.param + ': \u03b7\u00b2 = ' + fmt(s.eta2) + ' over ' + s.groups + ' groups');
      }},
      xAxis: {type: 'value', min: 0, max: 1},
      yAxis: {type: 'category', data: shares.map(function (s) { return s.param; })},
      series: [{type: 'bar', data: shares.map(function (s) { return s.eta2; }), itemStyle: {color: '#59a14f'},
        label: {show: true, position: 'right', formatter: function (q) { return fmt(q.value); }}}]
    });
  }

  function topFoldsPlot(parent, run, byNumber) {
    var top = run.topFolds.trials;
    var names = top.map(function (t) { return 'trial ' + t.number; });
    var strip = [];
    top.forEach(function (t, i) {
      t.folds.forEach(function (v, k) { if (v !== null) { strip.push([i, v, t.number, k + 1]); } });
    });
    plot(parent, 'folds-' + run.id, {
      title: {text: 'Per-fold ' + run.topFolds.metric + ' of the top ' + top.length + ' trials', left: 'center',
        textStyle: {fontSize: 14}},
      grid: {left: 64, right: 24, top: 40, bottom: 40},
      tooltip: {trigger: 'item', formatter: function (q) {
        if (q.seriesType === 'boxplot') {
          var b = top[q.dataIndex].box;
          return escapeHtml(names[q.dataIndex] + ': min ' + fmt(b[0]) + ', Q1 ' + fmt(b[1]) + ', median ' + fmt(b[2])
            + ', Q3 ' + fmt(b[3]) + ', max ' + fmt(b[4]));
        }
        return trialTooltip(run, byNumber, q.value[2], ['fold ' + q.value[3] + ': ' + fmt(q.value[1])]);
      }},
      xAxis: {type: 'category', data: names},
      yAxis: {type: 'value', scale: true, name: run.topFolds.metric, axisLabel: {formatter: fmt}},
      series: [
        {name: 'box', type: 'boxplot', data: top.map(function (t) { return t.box || [null, null, null, null, null]; }),
          itemStyle: {color: '#eef', borderColor: '#4e79a7'}},
        {name: 'folds', type: 'scatter', data: strip, symbolSize: 6, itemStyle: {color: '#e15759', opacity: 0.8}}
      ]
    });
  }

  // ---- Sections -----------------------------------------------------------------------------

  function runSection(run) {
    var box = add(root, 'section', {'class': 'run', id: 'run-' + run.id});
    var h = add(box, 'h2', {}, ['Run ' + run.id + ': ' + run.experiment]);
    add(h, 'span', {'class': 'badge ' + run.status}, [run.status]);
    if (run.running) {
      note(box, 'This run is still running: the report shows it as it stood when the report was written ('
        + data.generatedAt + ').');
    }
    var byNumber = rowsByNumber(run.table);

    add(box, 'h3', {}, ['Provenance']);
    keyValues(box, run.header);
    var details = add(box, 'details');
    add(details, 'summary', {}, ['Spec as run']);
    add(details, 'pre', {}, [run.spec]);

    add(box, 'h3', {}, ['Best trial']);
    if (run.best) {
      note(box, 'trial ' + run.best.number + ': ' + paramsText(run.best.params).join(', ')
        + ' \u2014 ' + run.objective + ' ' + fmt(run.best.objective) + ' (' + better(run.maximize) + ')');
      table(box, ['metric', 'mean over folds', 'std', 'per fold', run.best.hasTest ? 'test' : 'test (no test set)'],
        run.best.metrics.map(function (m) {
          return [m.metric, m.mean, m.std, m.folds.map(fmt).join(', '), m.test];
        }), false);
    } else {
      note(box, 'No trial completed, so there is no best trial.');
    }

    add(box, 'h3', {}, ['Optimization history']);
    note(box, 'Every one of the ' + run.trialCount.toLocaleString('en') + ' trials: scored trials as dots, the best so far as a line,'
      + ' trials without a score (failed, pruned, timed out) marked at the bottom.');
    historyPlot(box, run, byNumber);

    var scored = run.table.rows.some(function (r) { return r[column(run.table, 'status')] === 'complete'; });
    if (run.params.length > 0 && scored) {
      add(box, 'h3', {}, ['Slices']);
      note(box, run.objective + ' against each parameter: log axis for log-scale ranges, categories for choices. '
        + 'Complete trials only, from ' + run.table.note + '.');
      slicePlots(box, run, byNumber);
      add(box, 'h3', {}, ['Parallel coordinates']);
      note(box, 'One line per complete trial, from ' + run.table.note + '.');
      parallelPlot(box, run, byNumber);
    }

    add(box, 'h3', {}, ['Parameter importance']);
    if (run.importance.shares.length > 0) {
      note(box, 'Method: for each parameter, the share of the variance of ' + run.objective + ' over the '
        + run.importance.trials.toLocaleString('en') + ' complete trials that its value explains on its own (\u03b7\u00b2 = between-group'
        + ' sum of squares / total sum of squares; choices group by value, numeric parameters with more than 10'
        + ' values by deciles). Limits: it credits no interactions, so shares need not add to 1; few trials per'
        + ' group overstate it; failed trials have no score, so a parameter that makes trials fail shows under'
        + ' Failures, not here. It describes the trials that ran; it is not Optuna\'s fANOVA (no surrogate model).');
      importancePlot(box, run);
    } else {
      note(box, 'Needs at least two complete trials and a searched parameter.');
    }

    add(box, 'h3', {}, ['Per-fold scores of the top trials']);
    if (run.topFolds.trials.length > 0) {
      note(box, 'Box (min, quartiles, max; quartiles interpolated) and each fold\'s ' + run.topFolds.metric
        + ', best trial first.');
      topFoldsPlot(box, run, byNumber);
    } else {
      note(box, 'No complete trials.');
    }

    add(box, 'h3', {}, ['Failures']);
    if (run.failures.length > 0) {
      table(box, ['status', 'reason', 'error class', 'trials', 'example trial', 'its parameters'],
        run.failures.map(function (f) {
          return [f.status, f.reason, f.errorClass, f.count, f.example, paramsText(f.exampleParams).join(', ')];
        }), true);
    } else {
      note(box, 'No trial failed.');
    }

    add(box, 'h3', {}, ['Trials']);
    note(box, 'Showing ' + run.table.note + (run.table.sampled
      ? ' (the slice and parallel-coordinates plots use the same sample; the optimization history'
        + ' draws every trial). ' : '. ') + 'Click a column to sort.');
    table(box, run.table.columns.map(function (c) { return c.replace(/^(param|metric):/, ''); }),
      run.table.rows, true);
  }

  function comparisonSection(cmp) {
    var box = add(root, 'section', {'class': 'run', id: 'comparison'});
    add(box, 'h2', {}, ['Comparison of runs ' + data.runs.map(function (r) { return r.id; }).join(', ')]);

    add(box, 'h3', {}, ['Best so far']);
    if (!cmp.sameObjective) {
      note(box, 'The runs optimise different objectives; each curve is its own run\'s objective.');
    }
    plot(box, 'compare-best-so-far', {
      title: {text: 'Best ' + cmp.metric + ' so far (' + better(cmp.maximize) + ')', left: 'center', textStyle: {fontSize: 14}},
      legend: {bottom: 0},
      grid: {left: 64, right: 24, top: 40, bottom: 56},
      tooltip: {trigger: 'axis'},
      xAxis: {type: 'value', name: 'trial', nameLocation: 'middle', nameGap: 24, min: 0},
      yAxis: {type: 'value', scale: true, axisLabel: {formatter: fmt}},
      series: data.runs.map(function (r) {
        return {name: 'run ' + r.id + ' (' + r.objective + ')', type: 'line', step: 'end', data: r.bestSoFar,
          showSymbol: false};
      })
    });

    add(box, 'h3', {}, ['Best trials fold by fold']);
    var k = cmp.bestFolds.reduce(function (m, b) { return Math.max(m, b.folds.length); }, 0);
    var folds = [];
    for (var i = 0; i < k; i++) { folds.push('fold ' + (i + 1)); }
    plot(box, 'compare-folds', {
      title: {text: cmp.metric + ' of each run\'s best trial, by fold', left: 'center', textStyle: {fontSize: 14}},
      legend: {bottom: 0},
      grid: {left: 64, right: 24, top: 40, bottom: 56},
      tooltip: {trigger: 'axis'},
      xAxis: {type: 'category', data: folds},
      yAxis: {type: 'value', scale: true, axisLabel: {formatter: fmt}},
      series: cmp.bestFolds.map(function (b) {
        return {name: 'run ' + b.run + (b.bestTrial === null ? '' : ' trial ' + b.bestTrial), type: 'bar', data: b.folds};
      })
    });
    note(box, 'Paired tests of the first run\'s best trial against each other run\'s, over the same folds, as'
      + ' "trialbase compare" computes them: the corrected resampled t-test (Nadeau & Bengio, 2003) and the'
      + ' Wilcoxon signed-rank test; alpha ' + cmp.alpha + '.');
    table(box, ['runs', 'metric', 'mean difference', 't', 'df', 'p', 'Wilcoxon p', 'result'],
      cmp.pairedTests.map(function (t) {
        return [t.runs, t.metric, t.meanDifference, t.t, t.df, t.p, t.wilcoxonP, t.result];
      }), false);

    add(box, 'h3', {}, ['Spec differences']);
    if (cmp.specDifferences.length > 0) {
      var cols = Object.keys(cmp.specDifferences[0]);
      table(box, cols, cmp.specDifferences.map(function (d) {
        return cols.map(function (c) { return d[c]; });
      }), false);
    } else {
      note(box, 'The specs are the same.');
    }
  }

  // ---- Page ---------------------------------------------------------------------------------

  add(root, 'h1', {}, [document.title]);
  add(root, 'p', {'class': 'meta'}, ['Written ' + data.generatedAt + ' by trialbase report. Self-contained: no network needed.'
    + ' Hover a point to see its trial.']);
  if (data.comparison) {
    comparisonSection(data.comparison);
  }
  data.runs.forEach(runSection);
})();
