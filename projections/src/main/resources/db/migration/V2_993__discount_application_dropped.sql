-- Issue 12: the applications are the bills' DISCOUNT lines (V2_991, V2_992): their second copy goes.
drop table if exists discount_application;
