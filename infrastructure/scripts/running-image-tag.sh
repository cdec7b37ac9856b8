#!/usr/bin/env bash
# Prints tag=<image tag> of the newest task definition of admission (the services' deploy workflow rolls out all three
# with the same tag), for `cdk diff` and `cdk deploy -c imageTag=…`: without it, cdk would put back the tag it last knew.
# Needs AWS credentials that may call ecs:DescribeTaskDefinition. Stops if there is none yet: the first deploy is by
# hand (infrastructure/README.md, "First deploy").
set -euo pipefail

image=$(aws ecs describe-task-definition --task-definition ticketing-warrior-admission \
  --query 'taskDefinition.containerDefinitions[0].image' --output text)
tag=${image##*:}
if [ -z "$tag" ] || [ "$tag" = "$image" ]; then
  echo "no tagged image in task definition ticketing-warrior-admission: $image" >&2
  exit 1
fi
echo "tag=$tag"
