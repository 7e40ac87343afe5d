package dev.catapult.runtime.sqs;

/**
 * ECS EventBridge events exactly as the Amazon ECS Developer Guide shows them ("Amazon ECS events",
 * awsdocs/amazon-ecs-developer-guide, doc_source/ecs_cwe_events.md), whitespace aside. Quirks kept: numbers
 * arrive as strings ({@code cpu}, {@code memory}); the four deployment examples share one event id and differ
 * only in {@code eventName} and {@code reason}.
 */
public final class EcsFixtures {
    private EcsFixtures() {}

    public static final String TASK_RUNNING = """
      {"version":"0","id":"3317b2af-7005-947d-b652-f55e762e571a","detail-type":"ECS Task State Change",\
      "source":"aws.ecs","account":"111122223333","time":"2020-01-23T17:57:58Z","region":"us-west-2",\
      "resources":["arn:aws:ecs:us-west-2:111122223333:task/FargateCluster/c13b4cb40f1f4fe4a2971f76ae5a47ad"],\
      "detail":{"attachments":[{"id":"1789bcae-ddfb-4d10-8ebe-8ac87ddba5b8","type":"eni","status":"ATTACHED",\
      "details":[{"name":"subnetId","value":"subnet-abcd1234"},{"name":"networkInterfaceId","value":"eni-abcd1234"},\
      {"name":"macAddress","value":"0a:98:eb:a7:29:ba"},{"name":"privateIPv4Address","value":"10.0.0.139"}]}],\
      "availabilityZone":"us-west-2c","clusterArn":"arn:aws:ecs:us-west-2:111122223333:cluster/FargateCluster",\
      "containers":[{"containerArn":"arn:aws:ecs:us-west-2:111122223333:container/cf159fd6-3e3f-4a9e-84f9-66cbe726af01",\
      "lastStatus":"RUNNING","name":"FargateApp",\
      "image":"111122223333.dkr.ecr.us-west-2.amazonaws.com/hello-repository:latest",\
      "imageDigest":"sha256:74b2c688c700ec95a93e478cdb959737c148df3fbf5ea706abe0318726e885e6",\
      "runtimeId":"ad64cbc71c7fb31c55507ec24c9f77947132b03d48d9961115cf24f3b7307e1e",\
      "taskArn":"arn:aws:ecs:us-west-2:111122223333:task/FargateCluster/c13b4cb40f1f4fe4a2971f76ae5a47ad",\
      "networkInterfaces":[{"attachmentId":"1789bcae-ddfb-4d10-8ebe-8ac87ddba5b8",\
      "privateIpv4Address":"10.0.0.139"}],"cpu":"0"}],"createdAt":"2020-01-23T17:57:34.402Z","launchType":"FARGATE",\
      "cpu":"256","memory":"512","desiredStatus":"RUNNING","group":"family:sample-fargate","lastStatus":"RUNNING",\
      "overrides":{"containerOverrides":[{"name":"FargateApp"}]},"connectivity":"CONNECTED",\
      "connectivityAt":"2020-01-23T17:57:38.453Z","pullStartedAt":"2020-01-23T17:57:52.103Z",\
      "startedAt":"2020-01-23T17:57:58.103Z","pullStoppedAt":"2020-01-23T17:57:55.103Z",\
      "updatedAt":"2020-01-23T17:57:58.103Z",\
      "taskArn":"arn:aws:ecs:us-west-2:111122223333:task/FargateCluster/c13b4cb40f1f4fe4a2971f76ae5a47ad",\
      "taskDefinitionArn":"arn:aws:ecs:us-west-2:111122223333:task-definition/sample-fargate:1","version":4,\
      "platformVersion":"1.3.0"}}
      """;

    public static final String DEPLOYMENT_IN_PROGRESS =
            deployment("INFO", "SERVICE_DEPLOYMENT_IN_PROGRESS", "ECS deployment deploymentId in progress.");

    public static final String DEPLOYMENT_COMPLETED =
            deployment("INFO", "SERVICE_DEPLOYMENT_COMPLETED", "ECS deployment deploymentID completed.");

    public static final String DEPLOYMENT_FAILED =
            deployment("ERROR", "SERVICE_DEPLOYMENT_FAILED", "ECS deployment circuit breaker: task failed to start.");

    public static final String DEPLOYMENT_ROLLBACK = deployment(
            "INFO",
            "SERVICE_DEPLOYMENT_IN_PROGRESS",
            "ECS deployment circuit breaker: rolling back to deploymentId deploymentID.");

    /** The guide's deployment state change example, which only these three fields tell apart. */
    private static String deployment(String eventType, String eventName, String reason) {
        return """
          {"version":"0","id":"ddca6449-b258-46c0-8653-e0e3aEXAMPLE","detail-type":"ECS Deployment State Change",\
          "source":"aws.ecs","account":"111122223333","time":"2020-05-23T12:31:14Z","region":"us-west-2",\
          "resources":["arn:aws:ecs:us-west-2:111122223333:service/default/servicetest"],"detail":{"eventType":"%s",\
          "eventName":"%s","deploymentId":"ecs-svc/123","updatedAt":"2020-05-23T11:11:11Z",\
          "reason":"%s"}}
          """.formatted(eventType, eventName, reason);
    }
}
