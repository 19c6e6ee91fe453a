-- 三权分立: the one administrator role becomes the system administrator (directory and
-- accounts); the security administrator (roles, stamps) and the auditor stand beside it.
update user_role set role = 'SYSTEM_ADMIN' where role = 'ADMIN';
