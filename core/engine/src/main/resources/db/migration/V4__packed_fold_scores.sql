-- A trial's scores on its folds are packed into its trial_metrics row, one JSON array per
-- (trial, metric), instead of one fold_metrics row per fold: a trial with six metrics and five
-- folds stores 6 metric rows instead of 36, which is what lets a run store 20,000 trials a
-- second. The array has one element per fold scored, in fold order (fewer for a pruned
-- trial), null where the metric is undefined. SQLite writes and reads these numbers exactly.
-- fold_metrics becomes a view with the same columns, so queries by hand keep working.
-- (V3 belongs to another change; versions only need to increase.)

alter table trial_metrics add column fold_scores text;

update trial_metrics
   set fold_scores = (select json_group_array(f.value order by f.fold)
                        from fold_metrics f
                       where f.run_id = trial_metrics.run_id
                         and f.trial_number = trial_metrics.trial_number
                         and f.metric = trial_metrics.metric);

-- Trialbase always wrote a mean with the fold scores; keep fold scores that lack one anyway.
insert into trial_metrics (run_id, trial_number, metric, mean, std, fold_scores)
select f.run_id, f.trial_number, f.metric, avg(f.value), null,
       json_group_array(f.value order by f.fold)
  from fold_metrics f
 where not exists (select 1 from trial_metrics m
                    where m.run_id = f.run_id and m.trial_number = f.trial_number
                      and m.metric = f.metric)
 group by f.run_id, f.trial_number, f.metric;

drop table fold_metrics;

-- For people with sqlite3: one row per fold, as the table was.
create view fold_metrics as
select m.run_id,
       m.trial_number,
       m.metric,
       f.key as fold,
       f.value as value
  from trial_metrics m, json_each(m.fold_scores) f;
