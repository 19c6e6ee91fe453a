-- Mobiles and second-factor secrets are stored encrypted ("v1:" + base64 of nonce, ciphertext and
-- tag, shared.crypto): a mobile of 11 digits becomes ~64 characters, a secret ~90. Rows written
-- before stay plain until re-keyed, and read as they are.
alter table filing_team_member ${alter_column} mobile ${set_type} varchar(200);
alter table filing ${alter_column} steward_mobile ${set_type} varchar(200);
alter table app_user ${alter_column} totp_secret ${set_type} varchar(200);
