-- Where a task's due date came from: null when it was recorded or set by hand, else the rule
-- (in Dutch) that derived the date of the phase it counts from.
alter table tasks add column due_date_rule text;

-- Who confirmed an instrument's lead ministry, and when.
alter table instruments add column lead_verified_by uuid references users (id) on delete set null;
alter table instruments add column lead_verified_at timestamptz;
