-- A secret per verification code that keys the printout's content digest (HMAC-SHA256): the
-- digest printed with a masked mobile (138****0001) must not let anyone try the 10^4 missing
-- digits offline. Filled on the first printout or check after this version; never shown.
alter table verification_code add column digest_key varchar(64);
