-- Settlement, second part: the accepted files a settlement run has grouped. Intake stages a waiting claim in
-- the household of its patient alone; grouping moves only the claims of patients bound in families, and the
-- settlement reads only the claims of files it has grouped, so none is settled in a household not yet final.
ALTER TABLE claim_file ADD COLUMN grouped_at TIMESTAMPTZ;
