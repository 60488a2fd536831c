-- Runs learn a task: classification of a nominal target (with its class labels and, for two
-- classes, the positive one) or regression on a numeric target. Runs stored before this
-- version were all two-class classification; their labels were not recorded.
alter table runs add column task text not null default 'classification'
  check (task in ('classification', 'regression'));
alter table runs add column target text;            -- the target column's name
alter table runs add column class_labels text;      -- JSON array, declared order; null for regression
alter table runs add column positive_class text;    -- two classes only
