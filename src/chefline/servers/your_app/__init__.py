"""Your own app as a kitchen, seen from Chefline: which Python it runs on, the agent staged
for it and the child that runs it, the verdict's parts it reports, its route's source."""
