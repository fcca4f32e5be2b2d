-- Spring Integration's script (V2) creates its message store, channel store and lock tables beside the metadata
-- store; medclaims uses the metadata store only (the SFTP accept-once keys, IntakeConfiguration) and takes its
-- locks as PostgreSQL advisory locks (AdvisoryLock). Tables nothing reads or writes go.
DROP TABLE IF EXISTS int_lock;
DROP TABLE IF EXISTS int_group_to_message;
DROP TABLE IF EXISTS int_message_group;
DROP TABLE IF EXISTS int_message;
DROP TABLE IF EXISTS int_channel_message;
DROP SEQUENCE IF EXISTS int_message_seq;
