-- Trialbase experiment database, schema version 1.
-- Tables are normalised: one row per run, trial, parameter value and fold score.
-- Aggregates (trial means, the objective) are written in the same transaction as the fold
-- scores they summarise, so sorting and "best" never scan fold rows.

create table experiments (
  id          integer primary key,
  name        text    not null unique,
  created_at  text    not null                      -- ISO-8601 UTC
);

create table runs (
  id                integer primary key,
  experiment_id     integer not null references experiments (id),
  status            text    not null check (status in ('running', 'complete', 'failed', 'interrupted')),
  strategy          text    not null,               -- strategy name, e.g. grid
  estimator         text    not null,               -- estimator name, e.g. weka-logistic
  seed              integer not null,
  folds             integer not null,
  objective         text    not null,               -- metric id, e.g. accuracy
  maximize          integer not null check (maximize in (0, 1)),
  planned_trials    integer,                        -- null when the strategy is unbounded
  spec_json         text    not null,               -- the spec as run (seed filled in), canonical JSON
  spec_path         text,                           -- where the spec was read from
  train_path        text    not null,
  train_sha256      text    not null,
  test_path         text,
  test_sha256       text,
  plugins_json      text    not null,               -- [{"id":..,"version":..,"provides":[..]}]
  trialbase_version text    not null,
  jvm               text    not null,
  os                text    not null,
  host              text,
  pid               integer,
  started_at        text    not null,
  ended_at          text,
  heartbeat_at      text,
  best_trial        integer,                        -- number of the best complete trial
  error             text                            -- why the run failed, when it did
);
create index runs_by_experiment on runs (experiment_id, id);

create table trials (
  run_id         integer not null references runs (id) on delete cascade,
  number         integer not null,                  -- 0, 1, 2 ... in proposal order
  status         text    not null check (status in ('complete', 'failed', 'pruned', 'timeout', 'running')),
  objective      real,                              -- mean of the run's objective metric over folds
  started_at     text    not null,
  ended_at       text,
  duration_ms    real,
  error_class    text,
  error_message  text,
  primary key (run_id, number)
) without rowid;
-- "best of a run" and "sort trials by the objective" read this index only.
create index trials_by_objective on trials (run_id, status, objective);

create table params (
  run_id        integer not null,
  trial_number  integer not null,
  name          text    not null,
  position      integer not null,                   -- order of declaration in the search space
  type          text    not null check (type in ('float', 'int', 'string', 'bool', 'null')),
  value_text    text,                               -- the value as text; null for type null
  value_num     real,                               -- numbers, and booleans as 0/1
  primary key (run_id, trial_number, name),
  foreign key (run_id, trial_number) references trials (run_id, number) on delete cascade
) without rowid;

create table fold_metrics (
  run_id        integer not null,
  trial_number  integer not null,
  metric        text    not null,
  fold          integer not null,
  value         real,                               -- null where undefined (e.g. AUC on one class)
  primary key (run_id, trial_number, metric, fold),
  foreign key (run_id, trial_number) references trials (run_id, number) on delete cascade
) without rowid;

create table trial_metrics (
  run_id        integer not null,
  trial_number  integer not null,
  metric        text    not null,
  mean          real,
  std           real,                               -- sample standard deviation over folds
  primary key (run_id, trial_number, metric),
  foreign key (run_id, trial_number) references trials (run_id, number) on delete cascade
) without rowid;
create index trial_metrics_by_value on trial_metrics (run_id, metric, mean);

create table test_metrics (
  run_id   integer not null references runs (id) on delete cascade,
  metric   text    not null,
  value    real,
  primary key (run_id, metric)
) without rowid;

-- For people with sqlite3: one row per trial with its parameters and mean metrics as JSON.
create view trial_summary as
select t.run_id,
       t.number,
       t.status,
       t.objective,
       t.duration_ms,
       (select json_group_object(p.name, case p.type
                                           when 'float' then p.value_num
                                           when 'int' then cast(p.value_num as integer)
                                           when 'bool' then json(case p.value_num when 1 then 'true' else 'false' end)
                                           else p.value_text end)
          from params p where p.run_id = t.run_id and p.trial_number = t.number) as params,
       (select json_group_object(m.metric, m.mean)
          from trial_metrics m where m.run_id = t.run_id and m.trial_number = t.number) as metrics,
       t.error_message
  from trials t;

-- One row per run with its experiment's name and trial counts.
create view run_summary as
select r.id,
       e.name as experiment,
       r.status,
       r.strategy,
       r.estimator,
       r.seed,
       r.objective,
       (select count(*) from trials t where t.run_id = r.id) as trials,
       (select count(*) from trials t where t.run_id = r.id and t.status = 'complete') as complete,
       (select count(*) from trials t where t.run_id = r.id and t.status <> 'complete') as not_complete,
       (select t.objective from trials t where t.run_id = r.id and t.number = r.best_trial) as best_objective,
       r.started_at,
       r.ended_at
  from runs r join experiments e on e.id = r.experiment_id;
