"""Creates booking's database users in Aurora (a CloudFormation custom resource behind CDK's Provider).

For each user secret (a DatabaseSecret with host, username, password, masterarn), through the RDS Data API with
the master secret:
  - CREATE USER IF NOT EXISTS the secret's current user with its current password, REQUIRE SSL;
  - GRANT the declared privileges on the schema to it and, once rotation has made it, to its `_clone` twin.

The passwords are read here, from Secrets Manager: they never pass through CloudFormation. The SQL carries only the
mysql_native_password hash (Aurora MySQL 3's default plugin, the one the rotation Lambda's CREATE USER uses too).
An existing user keeps its password: after the first rotation, Secrets Manager owns it. Privileges are only ever
added; taking one away is a REVOKE by hand. Delete does nothing: the users go with the cluster.
"""

import hashlib
import json
import re
import time

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

RETRIES = Config(retries={"mode": "standard", "max_attempts": 8})
secrets = boto3.client("secretsmanager", config=RETRIES)
data_api = boto3.client("rds-data", config=RETRIES)

NAME = re.compile(r"^[A-Za-z0-9_]{1,32}$")
PRIVILEGES = re.compile(r"^[A-Z][A-Z ]*(, [A-Z][A-Z ]*)*$")
CLONE = "_clone"
TRANSIENT = {"DatabaseUnavailableException", "DatabaseResumingException", "StatementTimeoutException"}


def handler(event, _context):
    if event["RequestType"] == "Delete":
        return {"PhysicalResourceId": event["PhysicalResourceId"]}
    props = event["ResourceProperties"]
    database = checked(NAME, props["Database"])
    sql = Sql(props["ClusterArn"], props["MasterSecretArn"])
    for user in props["Users"]:
        ensure(sql, database, user["SecretArn"], checked(PRIVILEGES, user["Privileges"]))
    return {"PhysicalResourceId": "database-users:" + database}


def ensure(sql, database, secret_arn, privileges):
    secret = json.loads(secrets.get_secret_value(SecretId=secret_arn)["SecretString"])
    current = checked(NAME, secret["username"])
    base = current[: -len(CLONE)] if current.endswith(CLONE) else current
    if not sql.user_exists(current):
        sql.run(
            f"CREATE USER IF NOT EXISTS '{current}'@'%' IDENTIFIED WITH mysql_native_password"
            f" AS '{native_password_hash(secret['password'])}' REQUIRE SSL"
        )
    for name in (base, base + CLONE):
        if sql.user_exists(name):
            sql.run(f"GRANT {privileges} ON `{database}`.* TO '{name}'@'%'")
    print(f"user {current}: {privileges} on {database}")


def native_password_hash(password):
    """What MySQL stores for mysql_native_password: '*' + hex(SHA1(SHA1(password)))."""
    return "*" + hashlib.sha1(hashlib.sha1(password.encode("utf-8")).digest()).hexdigest().upper()


def checked(pattern, value):
    if not pattern.match(value):
        raise ValueError(f"refusing to put {value!r} into SQL")
    return value


class Sql:
    """One statement at a time through the Data API, as the master user."""

    def __init__(self, cluster_arn, master_secret_arn):
        self.target = {"resourceArn": cluster_arn, "secretArn": master_secret_arn}

    def user_exists(self, name):
        result = self.run(
            "SELECT COUNT(*) FROM mysql.user WHERE user = :name",
            [{"name": "name", "value": {"stringValue": name}}],
        )
        return result["records"][0][0]["longValue"] > 0

    def run(self, statement, parameters=()):
        # Retried for two minutes: the master password may be mid-rotation (its first rotation starts when the stack
        # creates it), or the writer just coming up.
        for attempt in range(12):
            try:
                return data_api.execute_statement(sql=statement, parameters=list(parameters), **self.target)
            except ClientError as e:
                transient = e.response["Error"]["Code"] in TRANSIENT or "Access denied" in str(e)
                if not transient or attempt == 11:
                    raise
                time.sleep(10)
        raise AssertionError("unreachable")
