# The client-matrix scenario driven through boto3 (Debian's python3-boto3, run with /usr/bin/python3).
# Reads SCENARIO_* from the environment, prints the report JSON on stdout (see test/clients/scenario.ts).
import json
import os
import shutil
import sys
import tempfile

import boto3
import botocore
import botocore.loaders
from botocore.config import Config
from botocore.exceptions import ClientError

LEG = "boto3"
env = os.environ
D = env["SCENARIO_DOMAIN"]
NO_RETRIES = Config(retries={"total_max_attempts": 1})


def client(service, access_key_id=env["SCENARIO_ACCESS_KEY_ID"], secret=env["SCENARIO_SECRET_ACCESS_KEY"], config=NO_RETRIES, session=None):
    return (session or boto3.session.Session()).client(
        service,
        endpoint_url=env["SCENARIO_ENDPOINT"],
        region_name=env["SCENARIO_REGION"],
        aws_access_key_id=access_key_id,
        aws_secret_access_key=secret,
        config=config,
    )


def error_of(call, **kwargs):
    try:
        call(**kwargs)
    except ClientError as error:
        return {
            "code": error.response["Error"]["Code"],
            "message": error.response["Error"].get("Message"),
            "status": error.response["ResponseMetadata"]["HTTPStatusCode"],
        }
    raise AssertionError("expected the call to fail, but it succeeded")


def session_knowing(operation):
    """A session whose customer-profiles model has `operation`. botocore's bundled model may predate it: then a copy
    with the operation added from SCENARIO_NOT_IMPLEMENTED_HTTP ("GET /domains/{DomainName}/...") goes first on
    AWS_DATA_PATH. What is under test is how botocore treats the answer, not its model."""
    loader = botocore.loaders.create_loader()
    model = loader.load_service_model("customer-profiles", "service-2")
    if operation not in model["operations"]:
        method, uri = env["SCENARIO_NOT_IMPLEMENTED_HTTP"].split(" ")
        model["operations"][operation] = {
            "name": operation,
            "http": {"method": method, "requestUri": uri},
            "input": {"shape": operation + "Request"},
            "output": {"shape": operation + "Response"},
        }
        model["shapes"][operation + "Request"] = {
            "type": "structure",
            "required": ["DomainName"],
            "members": {"DomainName": {"shape": "name", "location": "uri", "locationName": "DomainName"}},
        }
        model["shapes"][operation + "Response"] = {"type": "structure", "members": {}}
        data_path = tempfile.mkdtemp(prefix="matrix-botocore-")
        version_dir = os.path.join(data_path, "customer-profiles", model["metadata"]["apiVersion"])
        os.makedirs(version_dir)
        with open(os.path.join(version_dir, "service-2.json"), "w") as out:
            json.dump(model, out)
        os.environ["AWS_DATA_PATH"] = data_path
    return boto3.session.Session()


def ids(items):
    return [item["ProfileId"] for item in items or []]


profiles = client("customer-profiles")
iam = client("iam")

create_domain = profiles.create_domain(DomainName=D, DefaultExpirationDays=30)
get_domain = profiles.get_domain(DomainName=D)
p1 = profiles.create_profile(DomainName=D, FirstName="Ada", LastName="Lovelace", EmailAddress="ada@example.com", Attributes={"tier": "gold"})
p2 = profiles.create_profile(DomainName=D, FirstName="Ada", EmailAddress="ada.l@example.com", PhoneNumber="+15555550100")
id1, id2 = p1["ProfileId"], p2["ProfileId"]

profiles.put_profile_object_type(
    DomainName=D,
    ObjectTypeName="Order",
    Description="orders",
    AllowProfileCreation=False,
    Fields={"order_id": {"Source": "_source.order_id"}, "email": {"Source": "_source.email", "Target": "_profile.EmailAddress"}},
    Keys={
        "_email": [{"StandardIdentifiers": ["PROFILE"], "FieldNames": ["email"]}],
        "order_id": [{"StandardIdentifiers": ["UNIQUE"], "FieldNames": ["order_id"]}],
    },
)
object_type = profiles.get_profile_object_type(DomainName=D, ObjectTypeName="Order")
object_unique_keys = []
for order_id in ["o-1", "o-2"]:
    put = profiles.put_profile_object(DomainName=D, ObjectTypeName="Order", Object=json.dumps({"order_id": order_id, "email": "ada@example.com"}))
    object_unique_keys.append(put["ProfileObjectUniqueKey"])
listed = profiles.list_profile_objects(DomainName=D, ObjectTypeName="Order", ProfileId=id1)


def search(email):
    return profiles.search_profiles(DomainName=D, KeyName="_email", Values=[email])


search_by_email = ids(search("ada@example.com").get("Items"))
merged = profiles.merge_profiles(DomainName=D, MainProfileId=id1, ProfileIdsToBeMerged=[id2])
after_merge = ids(search("ada.l@example.com").get("Items"))

domain_arn = f"arn:aws:profile:us-east-1:000000000000:domains/{D}"
profiles.tag_resource(resourceArn=domain_arn, tags={"team": "crm", "env": "test"})
tagged = profiles.list_tags_for_resource(resourceArn=domain_arn).get("tags", {})
profiles.untag_resource(resourceArn=domain_arn, tagKeys=["env"])
untagged = profiles.list_tags_for_resource(resourceArn=domain_arn).get("tags", {})

user_name = f"matrix-{LEG}"
iam.create_user(UserName=user_name)
policy = {
    "Version": "2012-10-17",
    "Statement": [
        {"Effect": "Allow", "Action": ["profile:GetDomain", "profile:DeleteDomain"], "Resource": domain_arn},
        {"Effect": "Deny", "Action": "profile:DeleteDomain", "Resource": domain_arn},
    ],
}
iam.put_user_policy(UserName=user_name, PolicyName="matrix", PolicyDocument=json.dumps(policy))
key = iam.create_access_key(UserName=user_name)["AccessKey"]
as_user = client("customer-profiles", key["AccessKeyId"], key["SecretAccessKey"])
allowed = as_user.get_domain(DomainName=D)
denied = error_of(as_user.delete_domain, DomainName=D)

role_name = f"matrix-role-{LEG}"
trust = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::000000000000:root"}, "Action": "sts:AssumeRole"}]}
role = iam.create_role(RoleName=role_name, AssumeRolePolicyDocument=json.dumps(trust))
role_policy = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "profile:GetDomain", "Resource": domain_arn}]}
iam.put_role_policy(RoleName=role_name, PolicyName="matrix", PolicyDocument=json.dumps(role_policy))
iam.delete_role_policy(RoleName=role_name, PolicyName="matrix")
iam.delete_role(RoleName=role_name)
after_delete = error_of(iam.get_role, RoleName=role_name)
iam.delete_user_policy(UserName=user_name, PolicyName="matrix")
iam.delete_access_key(UserName=user_name, AccessKeyId=key["AccessKeyId"])
iam.delete_user(UserName=user_name)

operation = env.get("SCENARIO_NOT_IMPLEMENTED", "")
not_implemented = None
if operation:
    with_default_retries = client("customer-profiles", config=Config(), session=session_knowing(operation))
    not_implemented = error_of(getattr(with_default_retries, botocore.xform_name(operation)), DomainName=D)
    if "AWS_DATA_PATH" in os.environ:
        shutil.rmtree(os.environ.pop("AWS_DATA_PATH"))
deleted = profiles.delete_domain(DomainName=D)

report = {
    "client": f"boto3 {boto3.__version__}",
    "createDomain": {"DomainName": create_domain["DomainName"]},
    "getDomain": {"DomainName": get_domain["DomainName"], "DefaultExpirationDays": get_domain["DefaultExpirationDays"]},
    "profileIds": [id1, id2],
    "objectTypeKeys": object_type["Keys"],
    "objectUniqueKeys": object_unique_keys,
    "listedObjects": len(listed.get("Items", [])),
    "searchByEmail": search_by_email,
    "mergeMessage": merged["Message"],
    "afterMerge": after_merge,
    "tags": {"tagged": tagged, "untagged": untagged},
    "iamUser": {"allowedDomainName": allowed["DomainName"], "denied": denied},
    "role": {"arn": role["Role"]["Arn"], "afterDelete": {"code": after_delete["code"], "status": after_delete["status"]}},
    "notImplemented": not_implemented,
    "deleteDomain": deleted["Message"],
}
sys.stdout.write(json.dumps(report) + "\n")
