-- trial_summary read integer parameters through value_num (REAL), which rounds integers
-- beyond 2^53; value_text holds them exactly.
drop view trial_summary;
create view trial_summary as
select t.run_id,
       t.number,
       t.status,
       t.objective,
       t.duration_ms,
       (select json_group_object(p.name, case p.type
                                           when 'float' then p.value_num
                                           when 'int' then cast(p.value_text as integer)
                                           when 'bool' then json(case p.value_num when 1 then 'true' else 'false' end)
                                           else p.value_text end)
          from params p where p.run_id = t.run_id and p.trial_number = t.number) as params,
       (select json_group_object(m.metric, m.mean)
          from trial_metrics m where m.run_id = t.run_id and m.trial_number = t.number) as metrics,
       t.error_message
  from trials t;
