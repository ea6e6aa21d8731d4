-- Bearer tokens a tenant (a wedding business on the platform) uses to see and act on its
-- own integrations, weddings and syncs. Only a SHA-256 of the token is kept: the token
-- itself is shown once, when it is issued.
CREATE TABLE tenant_token (
	id          UUID PRIMARY KEY,
	tenant_id   VARCHAR(100) NOT NULL,
	name        VARCHAR(200) NOT NULL,
	token_hash  VARCHAR(64)  NOT NULL,
	created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
	revoked_at  TIMESTAMP WITH TIME ZONE,
	CONSTRAINT tenant_token_hash_uk UNIQUE (token_hash)
);
CREATE INDEX tenant_token_tenant_idx ON tenant_token (tenant_id);
