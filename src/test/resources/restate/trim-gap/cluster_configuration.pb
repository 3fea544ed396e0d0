
*
	{node: 2}

replicated
	{node: 2}